using System.Globalization;

namespace HyperMM.LocalExchange.Load;

/// <summary>
/// Result of a load run. Accepted = signed actions the venue authenticated (signer recovered), nonce- and
/// budget-checked and executed with <c>"status":"ok"</c>. Latency = send to answer as the client sees it.
/// </summary>
public sealed record LoadReport(int Clients, TimeSpan Elapsed, long Accepted, long Refused, long Failed, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    public double AcceptedPerSecond => Accepted / Elapsed.TotalSeconds;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"clients {Clients}, {Elapsed.TotalSeconds:0.0} s: {Accepted} accepted signed actions ({AcceptedPerSecond:0} /s), {Refused} refused, {Failed} failed; latency p50 {P50Ms:0.00} ms, p90 {P90Ms:0.00} ms, p99 {P99Ms:0.00} ms, max {MaxMs:0.00} ms");

    /// <summary>Nearest-rank percentile of sorted values: the ⌈p·n⌉-th smallest.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
