namespace HyperMM.Core.Trading;

/// <summary>Order lifecycle states from <c>orderUpdates</c> / <c>orderStatus</c>, folded to what the loop needs.</summary>
public enum OrderState
{
    Open = 0,
    Filled = 1,
    Canceled = 2,
    Rejected = 3,

    /// <summary>The venue does not know the order (never placed).</summary>
    Unknown = 4,

    /// <summary>Any other terminal status (scheduledCancel, marginCanceled, ...): no longer on the book.</summary>
    OtherTerminal = 5,
}
