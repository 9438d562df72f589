namespace HyperMM.Core.Strategy;

/// <summary>The last <c>capacity</c> durations (a ring), summarised as last / p50 / p99 (nearest rank).</summary>
public sealed class LatencyWindow(int capacity = 256)
{
    private readonly double[] _ms = new double[capacity];
    private int _count;
    private int _next;
    private double _last;

    public void Add(TimeSpan duration)
    {
        _last = duration.TotalMilliseconds;
        _ms[_next] = _last;
        _next = (_next + 1) % _ms.Length;
        _count = Math.Min(_count + 1, _ms.Length);
    }

    /// <summary>Null before the first sample.</summary>
    public TickToOrder? Summary()
    {
        if (_count == 0)
        {
            return null;
        }

        var sorted = _ms.AsSpan(0, _count).ToArray();
        Array.Sort(sorted);
        return new TickToOrder(_last, Rank(sorted, 0.50), Rank(sorted, 0.99), _count);
    }

    private static double Rank(double[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
