using HyperMM.Core.Primitives;

namespace HyperMM.Core.Trading;

/// <summary>
/// The venue's answer for one order: an expected outcome is a value, never an exception. For
/// <see cref="OrderResultKind.Rejected"/> with an ambiguous reason (timeout) the order may still exist.
/// </summary>
public readonly record struct OrderResult(
    OrderResultKind Kind,
    OrderId OrderId,
    Cloid? Cloid,
    decimal FilledSize,
    decimal AveragePrice,
    RejectReason Reason,
    string? Message)
{
    public static OrderResult Resting(OrderId orderId, Cloid? cloid) =>
        new(OrderResultKind.Resting, orderId, cloid, 0m, 0m, RejectReason.None, null);

    public static OrderResult Filled(OrderId orderId, Cloid? cloid, decimal totalSize, decimal averagePrice) =>
        new(OrderResultKind.Filled, orderId, cloid, totalSize, averagePrice, RejectReason.None, null);

    public static OrderResult Rejected(RejectReason reason, string? message, Cloid? cloid = null) =>
        new(OrderResultKind.Rejected, default, cloid, 0m, 0m, reason, message);

    public bool IsAccepted => Kind != OrderResultKind.Rejected;
}
