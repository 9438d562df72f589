namespace HyperMM.Hyperliquid.Streaming;

/// <summary>Channel <c>error</c>: e.g. "Already subscribed", "Invalid subscription", "… id=&lt;n&gt;" for a post.</summary>
public sealed record WsError(string Text) : WsMessage
{
    public override string Channel => "error";
}
