namespace HyperMM.LocalExchange.Limits;

/// <summary>
/// Per-IP REST weight budget (PROTOCOL §7.1): at most <c>weightPerMinute</c> (venue: 1200) summed over a rolling
/// minute. Requests over the budget are answered with HTTP 429 and cost nothing. Thread-safe.
/// </summary>
public sealed class IpWeightLimiter(int weightPerMinute, TimeProvider time)
{
    private static readonly long WindowTicks = TimeSpan.FromMinutes(1).Ticks;
    private readonly Dictionary<string, Queue<(long At, int Weight)>> _byIp = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sums = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public int WeightPerMinute { get; } = weightPerMinute;

    /// <summary>True when the request fits the IP's budget (and is charged); false means answer 429.</summary>
    public bool TryCharge(string ip, int weight)
    {
        if (WeightPerMinute <= 0)
        {
            return true; // limiting switched off
        }

        var now = time.GetUtcNow().UtcTicks;
        lock (_gate)
        {
            if (!_byIp.TryGetValue(ip, out var queue))
            {
                queue = new Queue<(long, int)>();
                _byIp[ip] = queue;
                _sums[ip] = 0;
            }

            var sum = _sums[ip];
            while (queue.Count > 0 && queue.Peek().At <= now - WindowTicks)
            {
                sum -= queue.Dequeue().Weight;
            }

            if (sum + weight > WeightPerMinute)
            {
                _sums[ip] = sum;
                return false;
            }

            queue.Enqueue((now, weight));
            _sums[ip] = sum + weight;
            return true;
        }
    }

    /// <summary>Adds weight known only after answering (per returned item); it may take the IP over its budget.</summary>
    public void ChargeAfter(string ip, int weight)
    {
        if (WeightPerMinute <= 0 || weight <= 0)
        {
            return;
        }

        var now = time.GetUtcNow().UtcTicks;
        lock (_gate)
        {
            if (!_byIp.TryGetValue(ip, out var queue))
            {
                queue = new Queue<(long, int)>();
                _byIp[ip] = queue;
                _sums[ip] = 0;
            }

            queue.Enqueue((now, weight));
            _sums[ip] += weight;
        }
    }

    /// <summary>Weight of an /info request type (PROTOCOL §7.1), before per-item extras.</summary>
    public static int InfoWeight(string type) => type switch
    {
        "l2Book" or "allMids" or "clearinghouseState" or "orderStatus" or "spotClearinghouseState" or "exchangeStatus" => 2,
        "userRole" => 60,
        _ => 20,
    };

    /// <summary>Extra weight for item-returning /info types: one unit per 20 items (60 for candles).</summary>
    public static int InfoItemWeight(string type, int items) => type switch
    {
        "userFills" or "userFillsByTime" => items / 20,
        "candleSnapshot" => items / 60,
        _ => 0,
    };

    /// <summary>Weight of an /exchange request: 1 + floor(batch length / 40).</summary>
    public static int ExchangeWeight(int batchLength) => 1 + (batchLength / 40);
}
