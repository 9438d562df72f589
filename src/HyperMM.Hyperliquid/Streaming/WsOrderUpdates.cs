using HyperMM.Core.Trading;

namespace HyperMM.Hyperliquid.Streaming;

/// <summary>Channel <c>orderUpdates</c>: status changes of the user's orders.</summary>
public sealed record WsOrderUpdates(IReadOnlyList<OrderUpdate> Updates) : WsMessage
{
    public override string Channel => "orderUpdates";
}
