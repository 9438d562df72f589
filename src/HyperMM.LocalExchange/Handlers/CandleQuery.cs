using HyperMM.Hyperliquid.Info;
using HyperMM.LocalExchange.Json;
using HyperMM.LocalExchange.Market;

namespace HyperMM.LocalExchange.Handlers;

/// <summary><c>candleSnapshot</c>: OHLCV built from the venue's own trade prints (at most the newest 5000 candles).</summary>
internal sealed class CandleQuery(VenueContext venue)
{
    private static readonly Dictionary<string, long> IntervalMs = new(StringComparer.Ordinal)
    {
        ["1m"] = 60_000, ["3m"] = 180_000, ["5m"] = 300_000, ["15m"] = 900_000, ["30m"] = 1_800_000,
        ["1h"] = 3_600_000, ["2h"] = 7_200_000, ["4h"] = 14_400_000, ["8h"] = 28_800_000, ["12h"] = 43_200_000,
        ["1d"] = 86_400_000, ["3d"] = 259_200_000, ["1w"] = 604_800_000, ["1M"] = 2_592_000_000,
    };

    /// <summary>The candles asked for, or null when the request lacks a listed coin, a known interval or a start.</summary>
    public byte[]? Answer(InfoRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Coin is not { } coin || LocalMarkets.ByCoin(coin.Name) is not { } spec
            || request.Interval is not { } interval || !IntervalMs.TryGetValue(interval, out var step)
            || request.StartTime is not { } start)
        {
            return null;
        }

        var end = request.EndTime ?? long.MaxValue;
        var candles = new List<Bar>();
        lock (venue.Gate)
        {
            foreach (var t in venue.Tape.Trades(spec.Coin))
            {
                if (t.TimeMs < start || t.TimeMs > end)
                {
                    continue;
                }

                var open = t.TimeMs - (t.TimeMs % step);
                if (candles.Count == 0 || candles[^1].OpenMs != open)
                {
                    candles.Add(new Bar(open, t.Price, t.Price, t.Price, t.Price, 0m, 0));
                }

                var c = candles[^1];
                candles[^1] = c with
                {
                    High = Math.Max(c.High, t.Price),
                    Low = Math.Min(c.Low, t.Price),
                    Close = t.Price,
                    Volume = c.Volume + t.Size,
                    Count = c.Count + 1,
                };
            }
        }

        return JsonBytes.Write(w =>
        {
            w.WriteStartArray();
            foreach (var c in candles.TakeLast(5000))
            {
                new Hyperliquid.Info.Candle(c.OpenMs, c.OpenMs + step - 1, spec.Coin.Name, interval, c.Open, c.High, c.Low, c.Close, c.Volume, c.Count).Write(w);
            }

            w.WriteEndArray();
        });
    }

    private readonly record struct Bar(long OpenMs, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, int Count);
}
