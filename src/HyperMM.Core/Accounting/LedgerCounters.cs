namespace HyperMM.Core.Accounting;

/// <summary>
/// What the strategy loop counts beside the fills and marks, reported with the ledger's figures: actions sent as the
/// venue's address budget counts them, requotes, orders placed (places and modifies), time in fill pressure, books
/// that were locked, crossed or one-sided, and rejections by reason.
/// </summary>
public sealed record LedgerCounters(
    long Requests,
    long Requotes,
    long OrdersPlaced,
    long FillPressureMs,
    long InvalidBooks,
    IReadOnlyDictionary<string, long> Rejections)
{
    public static LedgerCounters None { get; } = new(0, 0, 0, 0, 0, new Dictionary<string, long>());

    public long RejectionCount => Rejections.Values.Sum();

    public bool Equals(LedgerCounters? other) =>
        other is not null
        && (Requests, Requotes, OrdersPlaced, FillPressureMs, InvalidBooks) == (other.Requests, other.Requotes, other.OrdersPlaced, other.FillPressureMs, other.InvalidBooks)
        && Rejections.Count == other.Rejections.Count
        && Rejections.All(r => other.Rejections.TryGetValue(r.Key, out var n) && n == r.Value);

    public override int GetHashCode() => HashCode.Combine(Requests, Requotes, OrdersPlaced, FillPressureMs, InvalidBooks, Rejections.Count);

    /// <summary>Rejections by reason, most frequent first, then by name.</summary>
    public IEnumerable<KeyValuePair<string, long>> RejectionsRanked =>
        Rejections.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal);
}
