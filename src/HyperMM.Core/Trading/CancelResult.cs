namespace HyperMM.Core.Trading;

/// <summary>Outcome of one cancel. <see cref="RejectReason.OrderNotFound"/> means it is already gone (filled or cancelled).</summary>
public readonly record struct CancelResult(bool Success, RejectReason Reason, string? Message)
{
    public static CancelResult Ok { get; } = new(true, RejectReason.None, null);

    public static CancelResult Failed(RejectReason reason, string? message) => new(false, reason, message);

    /// <summary>The order is no longer on the book, either because we cancelled it or because it was already gone.</summary>
    public bool OrderGone => Success || Reason == RejectReason.OrderNotFound;
}
