using HyperMM.Core.Primitives;

namespace HyperMM.Core.Market;

/// <summary>
/// Rolling trade-arrival statistics for the quoting models: the rate lambda(delta) = A·exp(-kappa·delta) at which
/// taker orders reach delta bps from the mid, fitted by the same <see cref="IntensityFitter"/> as
/// <c>hypermm calibrate</c> over the last <see cref="WindowMs"/> of prints. As calibrate does, prints of the same
/// millisecond and aggressor side are one taker order whose depth is its furthest print's, measured from the last
/// valid mid before it; depths start one spread from the mid (half a spread beyond the touch). Refitted at most once
/// per <see cref="RefitMs"/>, and only when read; <see cref="Current"/> is null until enough orders reach past the touch.
/// </summary>
public sealed class TradeArrivalEstimator
{
    private readonly Queue<(long TimeMs, double DepthBps)> _takers = new();
    private readonly Throttle _refit;
    private readonly int _gridPoints;
    private readonly int _minEventsPerPoint;
    private long _lastTimeMs = long.MinValue;
    private Side _lastSide;
    private double _lastDepth;
    private long _nowMs = long.MinValue;
    private double _spreadBps;

    public TradeArrivalEstimator(long windowMs = 300_000, long refitMs = 10_000, int gridPoints = 25, int minEventsPerPoint = 20)
    {
        WindowMs = windowMs;
        RefitMs = refitMs;
        _refit = new Throttle(refitMs);
        _gridPoints = gridPoints;
        _minEventsPerPoint = minEventsPerPoint;
    }

    public long WindowMs { get; }

    public long RefitMs { get; }

    /// <summary>Taker orders in the window.</summary>
    public int Count => _takers.Count + (_lastTimeMs == long.MinValue ? 0 : 1);

    /// <summary>The latest fit, or null.</summary>
    public IntensityFit? Current { get; private set; }

    /// <summary>One print, with the last valid mid before it (ignored when there is none).</summary>
    public void OnTrade(Trade trade, decimal midBefore)
    {
        if (midBefore <= 0m)
        {
            return;
        }

        var depth = IntensityFitter.Depth(trade, (double)midBefore);
        if (trade.TimeMs == _lastTimeMs && trade.AggressorSide == _lastSide)
        {
            _lastDepth = Math.Max(_lastDepth, depth);
            return;
        }

        if (_lastTimeMs != long.MinValue)
        {
            _takers.Enqueue((_lastTimeMs, _lastDepth));
        }

        (_lastTimeMs, _lastSide, _lastDepth) = (trade.TimeMs, trade.AggressorSide, depth);
    }

    /// <summary>Drops orders older than the window and refits when due; <paramref name="spreadBps"/> is the touch's spread.</summary>
    public IntensityFit? Update(long nowMs, double spreadBps)
    {
        Advance(nowMs, spreadBps);
        return Fit();
    }

    /// <summary>
    /// Moves the window to <paramref name="nowMs"/> (dropping older orders) without fitting: the strategy calls this
    /// every cycle and a model that reads <see cref="Model.MarketStatistics.TradeArrival"/> triggers <see cref="Fit"/>,
    /// so models that do not use the statistic do not pay for it.
    /// </summary>
    public void Advance(long nowMs, double spreadBps)
    {
        while (_takers.Count > 0 && _takers.Peek().TimeMs < nowMs - WindowMs)
        {
            _takers.Dequeue();
        }

        (_nowMs, _spreadBps) = (nowMs, spreadBps);
    }

    /// <summary>The fit as of the last <see cref="Advance"/>, refitted when <see cref="RefitMs"/> has passed since the last refit.</summary>
    public IntensityFit? Fit()
    {
        var nowMs = _nowMs;
        if (nowMs == long.MinValue || !_refit.TryFire(nowMs))
        {
            return Current;
        }

        var depths = new List<double>(_takers.Count + 1);
        var oldest = nowMs;
        foreach (var (time, depth) in _takers)
        {
            depths.Add(depth);
            oldest = Math.Min(oldest, time);
        }

        if (_lastTimeMs != long.MinValue && _lastTimeMs >= nowMs - WindowMs)
        {
            depths.Add(_lastDepth);
            oldest = Math.Min(oldest, _lastTimeMs);
        }

        // The rate is per second of observation: the window once it is full, else the time since the first order.
        var seconds = Math.Min(WindowMs, nowMs - oldest) / 1000.0;
        Current = IntensityFitter.Fit(depths, seconds, _spreadBps, _gridPoints, _minEventsPerPoint) ?? Current;
        return Current;
    }
}
