namespace HyperMM.Hyperliquid.Streaming;

/// <summary>Channel <c>pong</c>: the answer to <c>{"method":"ping"}</c>.</summary>
public sealed record WsPong : WsMessage
{
    public override string Channel => "pong";
}
