namespace HyperMM.Core.Strategy;

/// <summary>
/// The last <c>capacity</c> durations (a ring), summarised as last / p50 / p99 (nearest rank). The summary is computed
/// once per new sample (the status asks for it every cycle) in a reused buffer: no allocation.
/// </summary>
public sealed class LatencyWindow(int capacity = 256)
{
    private readonly double[] _ms = new double[capacity];
    private readonly double[] _sorted = new double[capacity];
    private int _count;
    private int _next;
    private double _last;
    private TickToOrder? _summary;

    public void Add(TimeSpan duration)
    {
        _last = duration.TotalMilliseconds;
        _ms[_next] = _last;
        _next = (_next + 1) % _ms.Length;
        _count = Math.Min(_count + 1, _ms.Length);
        _summary = null;
    }

    /// <summary>Null before the first sample.</summary>
    public TickToOrder? Summary()
    {
        if (_count == 0 || _summary is not null)
        {
            return _summary;
        }

        var sorted = _sorted.AsSpan(0, _count);
        _ms.AsSpan(0, _count).CopyTo(sorted);
        sorted.Sort();
        _summary = new TickToOrder(_last, Rank(sorted, 0.50), Rank(sorted, 0.99), _count);
        return _summary;
    }

    private static double Rank(ReadOnlySpan<double> sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
