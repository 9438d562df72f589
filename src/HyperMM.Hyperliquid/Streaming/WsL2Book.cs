using HyperMM.Core.Market;

namespace HyperMM.Hyperliquid.Streaming;

/// <summary>Channel <c>l2Book</c>: a full snapshot each push.</summary>
public sealed record WsL2Book(OrderBookSnapshot Book) : WsMessage
{
    public override string Channel => "l2Book";
}
