namespace HyperMM.Core.Trading;

public static class RejectReasonExtensions
{
    /// <summary>
    /// True when the same request may succeed later without changing it (rate limits, server trouble). A timeout
    /// is transient but ambiguous: the action may have landed, so an order must be looked up by cloid before it
    /// is sent again.
    /// </summary>
    public static bool IsTransient(this RejectReason reason) => reason is
        RejectReason.HttpRateLimited or RejectReason.ServerError or RejectReason.Timeout or RejectReason.Transport
        or RejectReason.AddressRateLimited or RejectReason.MarketThrottled;

    /// <summary>True when the outcome of the request is unknown: it may or may not have reached the venue.</summary>
    public static bool IsAmbiguous(this RejectReason reason) => reason is RejectReason.Timeout or RejectReason.Transport;

    /// <summary>True for rejections caused by our own bytes or rounding: a bug to fix, not a market condition.</summary>
    public static bool IsClientBug(this RejectReason reason) => reason is
        RejectReason.TickSize or RejectReason.InvalidSize or RejectReason.InvalidPrice or RejectReason.ZeroSize
        or RejectReason.InvalidSignature;
}
