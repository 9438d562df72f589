namespace HyperMM.Core.Model;

/// <summary>
/// Rolling estimator of the variance of mid log returns, in bps², sampled on a fixed grid.
/// <para>
/// Sampling: time is cut into slots of <see cref="VolatilityOptions.SampleIntervalSeconds"/>; a slot's value is the
/// last mid seen in it. A return is taken between consecutive slots that saw a mid. If n slots passed without any
/// mid (a feed gap), the return is spread evenly over them: n samples of r²/n, which keeps the total variance and
/// stops one gap from looking like an outlier. Repeated mids are ordinary zero returns.
/// </para>
/// <para>
/// Outliers: each per-interval squared return is clipped at (c·σ)², σ being the current estimate, c =
/// <see cref="VolatilityOptions.OutlierClipSigmas"/>. A single bad print therefore moves the estimate by at most
/// 2c²/window of itself (two returns: out and back).
/// </para>
/// <para>
/// Warm-up and floor: the estimate is (Σ r² + n0·prior) / (n + n0), the prior counting as n0 samples. Before the
/// first return it is the prior, so quoting never waits for data, and it can never fall below
/// n0/(window + n0) × prior, so volatility is never zero.
/// </para>
/// The estimator allocates only at construction.
/// </summary>
public sealed class VolatilityEstimator
{
    private readonly double[] _samples;
    private readonly long _intervalMs;
    private readonly double _intervalSeconds;
    private readonly double _priorVariancePerInterval;
    private readonly double _priorWeight;
    private readonly double _clipSigmasSquared;
    private int _count;
    private int _next;
    private double _sum;
    private int _sinceResum;

    private bool _hasSlot;
    private long _currentSlot;
    private double _currentSlotMid;
    private bool _hasClosed;
    private long _closedSlot;
    private double _closedMid;

    public VolatilityEstimator(VolatilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WindowSamples, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.SampleIntervalSeconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.HorizonSeconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.PriorStdBps1s);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.PriorWeightSamples);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.OutlierClipSigmas, 1.0);
        Options = options;
        _samples = new double[options.WindowSamples];
        _intervalMs = Math.Max(1L, (long)Math.Round(options.SampleIntervalSeconds * 1000.0));
        _intervalSeconds = _intervalMs / 1000.0;
        _priorVariancePerInterval = options.PriorStdBps1s * options.PriorStdBps1s * _intervalSeconds;
        _priorWeight = options.PriorWeightSamples;
        _clipSigmasSquared = options.OutlierClipSigmas * options.OutlierClipSigmas;
    }

    public VolatilityOptions Options { get; }

    /// <summary>Returns currently in the window.</summary>
    public int SampleCount => _count;

    /// <summary>Mids ignored because they were not positive finite numbers.</summary>
    public long RejectedMids { get; private set; }

    /// <summary>Variance of one sampling interval's log return, bps², prior-shrunk.</summary>
    public double VariancePerInterval => (_sum + (_priorWeight * _priorVariancePerInterval)) / (_count + _priorWeight);

    /// <summary>Per-second variance of log returns, bps²/s.</summary>
    public double VariancePerSecond => VariancePerInterval / _intervalSeconds;

    /// <summary>sigma2_h: per-second variance × horizon, bps².</summary>
    public double Sigma2Horizon => VariancePerSecond * Options.HorizonSeconds;

    /// <summary>Feeds one mid observed at <paramref name="timeMs"/> (Unix ms). Out-of-order times count in the current slot.</summary>
    public void Update(long timeMs, double mid)
    {
        if (!(mid > 0.0) || !double.IsFinite(mid))
        {
            RejectedMids++;
            return;
        }

        var slot = Math.DivRem(timeMs, _intervalMs, out var rem);
        if (rem < 0)
        {
            slot--;
        }

        if (!_hasSlot)
        {
            _hasSlot = true;
            _currentSlot = slot;
            _currentSlotMid = mid;
            return;
        }

        if (slot > _currentSlot)
        {
            CloseSlot(_currentSlot, _currentSlotMid);
            _currentSlot = slot;
        }

        _currentSlotMid = mid;
    }

    /// <summary>Forgets all samples (the prior stays).</summary>
    public void Reset()
    {
        _count = 0;
        _next = 0;
        _sum = 0;
        _hasSlot = false;
        _hasClosed = false;
    }

    private void CloseSlot(long slot, double closeMid)
    {
        if (!_hasClosed)
        {
            _hasClosed = true;
            _closedSlot = slot;
            _closedMid = closeMid;
            return;
        }

        var intervals = slot - _closedSlot;
        var r = Math.Log(closeMid / _closedMid) * 10_000.0;
        var perInterval = r * r / intervals;
        var cap = _clipSigmasSquared * VariancePerInterval;
        if (perInterval > cap)
        {
            perInterval = cap;
        }

        var pushes = (int)Math.Min(intervals, _samples.Length);
        for (var i = 0; i < pushes; i++)
        {
            Push(perInterval);
        }

        _closedSlot = slot;
        _closedMid = closeMid;
    }

    private void Push(double value)
    {
        if (_count == _samples.Length)
        {
            _sum -= _samples[_next];
        }
        else
        {
            _count++;
        }

        _samples[_next] = value;
        _sum += value;
        _next = _next + 1 == _samples.Length ? 0 : _next + 1;

        // Re-add from scratch once per window so floating-point drift of the running sum cannot accumulate.
        if (++_sinceResum >= _samples.Length)
        {
            _sinceResum = 0;
            var s = 0.0;
            for (var i = 0; i < _count; i++)
            {
                s += _samples[i];
            }

            _sum = s;
        }

        if (_sum < 0)
        {
            _sum = 0;
        }
    }
}
