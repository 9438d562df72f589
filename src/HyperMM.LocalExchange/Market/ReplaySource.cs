using HyperMM.Core.Primitives;
using HyperMM.Simulation.Market;

namespace HyperMM.LocalExchange.Market;

/// <summary>
/// Replays recorded books and trades (read by the simulation's readers) against the venue clock: after
/// <see cref="Advance"/> has been given t of market time, every event up to first-event time + t has come out.
/// </summary>
public sealed class ReplaySource : IMarketSource
{
    private readonly IReadOnlyList<MarketEvent> _events;
    private readonly long _startMs;
    private long _elapsedMs;
    private int _next;

    public ReplaySource(IReadOnlyList<MarketEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("A replay needs at least one event.", nameof(events));
        }

        _events = events;
        _startMs = events[0].TimeMs;
    }

    public bool IsExhausted => _next >= _events.Count;

    /// <summary>Events in the recording.</summary>
    public int Count => _events.Count;

    /// <summary>
    /// Loads a recording through the simulation's loader: a folder in the HL CSV layout (orderbooks_COIN.csv,
    /// trades_COIN.csv), a raw WebSocket capture or the project's own recording (plain or gzip). Listed coins only,
    /// merged in time order.
    /// </summary>
    public static ReplaySource FromPath(string path, IReadOnlySet<string> listedCoins)
    {
        ArgumentNullException.ThrowIfNull(listedCoins);
        var data = MarketDataLoader.Open(path);
        var coins = data.Coins.Where(c => listedCoins.Contains(c.Name)).ToList();
        if (coins.Count == 0)
        {
            throw new MarketDataException($"{path}: no books or trades for a listed coin ({string.Join(", ", listedCoins.Order(StringComparer.Ordinal))}).");
        }

        var merged = coins.SelectMany(data.Events).OrderBy(e => e.TimeMs).ThenBy(e => e.Kind).ToList();
        return new ReplaySource(merged);
    }

    public void Advance(TimeSpan elapsed, List<MarketEvent> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _elapsedMs += (long)elapsed.TotalMilliseconds;
        var until = _startMs + _elapsedMs;
        while (_next < _events.Count && _events[_next].TimeMs <= until)
        {
            output.Add(_events[_next++]);
        }
    }

    /// <summary>Coins that appear in the replay.</summary>
    public IReadOnlyList<Coin> Coins => [.. _events.Select(e => e.Coin).Distinct()];
}
