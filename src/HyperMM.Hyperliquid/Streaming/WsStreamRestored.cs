namespace HyperMM.Hyperliquid.Streaming;

/// <summary>The socket is back and every subscription was sent again; resynchronise over REST now.</summary>
public sealed record WsStreamRestored(long TimeMs, int Reconnects) : WsMessage
{
    public override string Channel => string.Empty;
}
