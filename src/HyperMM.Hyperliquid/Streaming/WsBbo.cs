using HyperMM.Core.Market;
using HyperMM.Core.Primitives;

namespace HyperMM.Hyperliquid.Streaming;

/// <summary>Channel <c>bbo</c>: best bid/ask (either may be null), sent when they change on a block.</summary>
public sealed record WsBbo(Coin Coin, long TimeMs, BookLevel? Bid, BookLevel? Ask) : WsMessage
{
    public override string Channel => "bbo";
}
