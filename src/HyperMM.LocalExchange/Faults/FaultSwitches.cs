namespace HyperMM.LocalExchange.Faults;

/// <summary>
/// Runtime-switchable faults. Thread-safe: tests and the CLI flip them while requests are in flight.
/// </summary>
public sealed class FaultSwitches
{
    private readonly Lock _gate = new();
    private readonly Random _random;
    private TimeSpan? _dropWebSocketsEvery;
    private double _httpFailFraction;
    private double _httpDelayFraction;
    private TimeSpan _httpDelay;
    private int _http429Remaining;
    private int _rejectOrdersRemaining;
    private int _rejectCancelsRemaining;
    private volatile bool _feedPaused;
    private long _dropGeneration;

    public FaultSwitches(FaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _random = new Random(options.Seed);
        _dropWebSocketsEvery = options.DropWebSocketsEvery;
        _httpFailFraction = CheckFraction(options.HttpFailFraction);
        _httpDelayFraction = CheckFraction(options.HttpDelayFraction);
        _httpDelay = options.HttpDelay;
        _http429Remaining = options.Http429Burst;
        _rejectOrdersRemaining = options.RejectNextOrders;
        _feedPaused = options.FeedPaused;
    }

    /// <summary>Raised when the drop interval changes, so the dropper restarts its timer.</summary>
    public event EventHandler? DropIntervalChanged;

    /// <summary>Raised to close every WebSocket now (see <see cref="DropWebSocketsNow"/>).</summary>
    public event EventHandler? DropRequested;

    public TimeSpan? DropWebSocketsEvery
    {
        get { lock (_gate) { return _dropWebSocketsEvery; } }
        set
        {
            if (value is { } v && v <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The drop interval must be positive.");
            }

            lock (_gate) { _dropWebSocketsEvery = value; }
            DropIntervalChanged?.Invoke(this, EventArgs.Empty);
        }
    }

    public double HttpFailFraction
    {
        get { lock (_gate) { return _httpFailFraction; } }
        set { lock (_gate) { _httpFailFraction = CheckFraction(value); } }
    }

    public double HttpDelayFraction
    {
        get { lock (_gate) { return _httpDelayFraction; } }
        set { lock (_gate) { _httpDelayFraction = CheckFraction(value); } }
    }

    public TimeSpan HttpDelay
    {
        get { lock (_gate) { return _httpDelay; } }
        set { lock (_gate) { _httpDelay = value; } }
    }

    public bool FeedPaused
    {
        get => _feedPaused;
        set => _feedPaused = value;
    }

    /// <summary>How many WebSocket drops have been injected so far (interval or on demand).</summary>
    public long DropsInjected => Interlocked.Read(ref _dropGeneration);

    /// <summary>Answers the next <paramref name="count"/> HTTP requests with 429.</summary>
    public void Start429Burst(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate) { _http429Remaining = count; }
    }

    /// <summary>Rejects the next <paramref name="count"/> orders.</summary>
    public void RejectNextOrders(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate) { _rejectOrdersRemaining = count; }
    }

    /// <summary>Refuses the next <paramref name="count"/> cancels (per cancel, the order stays on the book).</summary>
    public void RejectNextCancels(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate) { _rejectCancelsRemaining = count; }
    }

    /// <summary>True when this cancel must be refused by the fault switch (consumes one).</summary>
    public bool TakeCancelRejection()
    {
        lock (_gate)
        {
            if (_rejectCancelsRemaining <= 0)
            {
                return false;
            }

            _rejectCancelsRemaining--;
            return true;
        }
    }

    /// <summary>Closes every open WebSocket connection once, now.</summary>
    public void DropWebSocketsNow()
    {
        Interlocked.Increment(ref _dropGeneration); // before the drop: a client may notice it at once
        DropRequested?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Decides the fate of one HTTP request (consumes a 429 from the burst if one is pending).</summary>
    public HttpFault NextHttpFault()
    {
        lock (_gate)
        {
            if (_http429Remaining > 0)
            {
                _http429Remaining--;
                return HttpFault.TooManyRequests;
            }

            if (_httpFailFraction > 0 && _random.NextDouble() < _httpFailFraction)
            {
                return HttpFault.ServerError;
            }

            if (_httpDelayFraction > 0 && _random.NextDouble() < _httpDelayFraction)
            {
                return HttpFault.Delay;
            }

            return HttpFault.None;
        }
    }

    /// <summary>True when this order must be rejected by the fault switch (consumes one).</summary>
    public bool TakeOrderRejection()
    {
        lock (_gate)
        {
            if (_rejectOrdersRemaining <= 0)
            {
                return false;
            }

            _rejectOrdersRemaining--;
            return true;
        }
    }

    internal void CountIntervalDrop() => Interlocked.Increment(ref _dropGeneration);

    private static double CheckFraction(double value)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A fraction must lie in 0..1.");
        }

        return value;
    }
}
