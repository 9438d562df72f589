namespace HyperMM.Hyperliquid.Streaming;

/// <summary>
/// Channel <c>post</c>: <c>{"id":n,"response":{"type":"action"|"info"|"error","payload":…}}</c>.
/// <see cref="PayloadJson"/> is the raw payload (an /exchange response for actions, a string for errors).
/// </summary>
public sealed record WsPostResponse(long Id, string Type, string PayloadJson) : WsMessage
{
    public override string Channel => "post";
}
