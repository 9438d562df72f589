namespace HyperMM.Hyperliquid.Streaming;

/// <summary>Channel <c>trades</c>; <c>side</c> is the aggressor.</summary>
public sealed record WsTrades(IReadOnlyList<WsTrade> Trades) : WsMessage
{
    public override string Channel => "trades";
}
