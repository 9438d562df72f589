using System.Globalization;
using HyperMM.Core.Primitives;

namespace HyperMM.LocalExchange.Limits;

/// <summary>
/// Per-address request budget (PROTOCOL §7.2): cap = initial buffer (venue: 10,000) + floor(cumulative traded
/// volume in USDC); a batch of n orders or cancels counts n. Cancels may go further, up to
/// min(cap + 100,000, 2 × cap). An exhausted address may still send one request every 10 s. Refused requests cost
/// nothing. Thread-safe.
/// </summary>
public sealed class AddressBudget(long initialBuffer, TimeProvider time)
{
    private static readonly TimeSpan ExhaustedInterval = TimeSpan.FromSeconds(10);
    private readonly Dictionary<Address, Entry> _entries = [];
    private readonly Lock _gate = new();

    public long InitialBuffer { get; } = initialBuffer;

    /// <summary>Charges <paramref name="count"/> requests. Returns null when accepted, else the venue's error text.</summary>
    public string? TryCharge(Address user, int count, bool isCancel, decimal cumulativeVolume)
    {
        var cap = Cap(cumulativeVolume);
        var limit = isCancel ? Math.Min(cap + 100_000, cap * 2) : cap;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var entry = Get(user);
            if (entry.Used + count <= limit)
            {
                entry.Used += count;
                return null;
            }

            if (now - entry.LastExhaustedRequest >= ExhaustedInterval)
            {
                entry.LastExhaustedRequest = now;
                entry.Used += count;
                return null;
            }

            return string.Create(
                CultureInfo.InvariantCulture,
                $"Too many cumulative requests sent ({entry.Used + count} > {limit}) for cumulative volume traded ${Math.Round(cumulativeVolume, 2):0.00}. Place taker orders to free up 1 request per USDC traded.");
        }
    }

    /// <summary>Requests used so far by <paramref name="user"/>.</summary>
    public long Used(Address user)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(user, out var e) ? e.Used : 0;
        }
    }

    public long Cap(decimal cumulativeVolume) => InitialBuffer + (long)decimal.Floor(cumulativeVolume);

    private Entry Get(Address user)
    {
        if (!_entries.TryGetValue(user, out var entry))
        {
            entry = new Entry { LastExhaustedRequest = DateTimeOffset.MinValue };
            _entries[user] = entry;
        }

        return entry;
    }

    private sealed class Entry
    {
        public long Used { get; set; }

        public DateTimeOffset LastExhaustedRequest { get; set; }
    }
}
