namespace HyperMM.Hyperliquid.Streaming;

/// <summary>The socket was lost; pushed data may have been missed until <see cref="WsStreamRestored"/>.</summary>
public sealed record WsStreamInterrupted(string Reason, long TimeMs) : WsMessage
{
    public override string Channel => string.Empty;
}
