namespace HyperMM.Hyperliquid.Streaming;

/// <summary>Channel <c>subscriptionResponse</c>: the server acknowledged a subscribe/unsubscribe.</summary>
public sealed record WsSubscriptionAck(string Method, WsSubscription Subscription) : WsMessage
{
    public override string Channel => "subscriptionResponse";
}
