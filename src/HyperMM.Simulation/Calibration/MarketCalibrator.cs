using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Simulation.Market;

namespace HyperMM.Simulation.Calibration;

/// <summary>
/// Measures, from one coin's recorded books and trades, what the quoting models take as market inputs: volatility
/// (<see cref="RealizedVolatility"/>), the intensity of taker orders by depth (<see cref="IntensityFitter"/>), the
/// micro-price adjustment table (<see cref="MicroPriceFitter"/>),
/// spread, top-of-book depth and trade sizes. Pure: same events, same numbers.
/// </summary>
public static class MarketCalibrator
{
    public static CoinCalibration Calibrate(Coin coin, IReadOnlyList<MarketEvent> events, CalibrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        options ??= CalibrationOptions.Default;
        var spreads = new List<double>();
        var mids = new List<double>();
        var tops = new List<decimal>();
        var sizes = new List<decimal>();
        var buys = 0;
        var volume = 0m;
        foreach (var e in events)
        {
            if (e.Kind == MarketEventKind.Book)
            {
                var top = e.Book!.Top;
                if (top.IsTwoSided)
                {
                    var mid = (double)top.Mid;
                    mids.Add(mid);
                    spreads.Add((double)(top.AskPrice - top.BidPrice) / mid * Bps.PerUnit);
                    tops.Add(top.BidSize);
                    tops.Add(top.AskSize);
                }
            }
            else
            {
                sizes.Add(e.Trade.Size);
                volume += e.Trade.Size;
                buys += e.Trade.AggressorSide == Side.Buy ? 1 : 0;
            }
        }

        var seconds = events.Count < 2 ? 0.0 : (events[^1].TimeMs - events[0].TimeMs) / 1000.0;
        var takers = TakerEvents.From(events);
        var spreadMedian = Quantile(spreads, 0.5);
        var (variance, _) = RealizedVolatility.Measure(events, options.SampleIntervalSeconds);
        var (microPrice, microPriceProblem) = MicroPriceFitter.Fit(events, options.MicroPrice);
        return new CoinCalibration
        {
            Coin = coin,
            Seconds = seconds,
            Books = spreads.Count,
            Trades = sizes.Count,
            TakerOrders = takers.Count,
            VarianceBps2PerSecond = variance,
            Intensity = double.IsNaN(spreadMedian) ? null : IntensityFitter.Fit([.. takers.Select(t => t.DepthBps)], seconds, spreadMedian, options.GridPoints, options.MinEventsPerPoint),
            MicroPrice = microPrice,
            MicroPriceProblem = microPriceProblem,
            MedianMid = Quantile(mids, 0.5),
            SpreadBpsMedian = spreadMedian,
            SpreadBpsMean = spreads.Count == 0 ? double.NaN : spreads.Average(),
            TopSizeMedian = Quantile(tops, 0.5),
            TopSizeMean = tops.Count == 0 ? 0m : tops.Average(),
            TradeSizeMedian = Quantile(sizes, 0.5),
            TradeSizeMean = sizes.Count == 0 ? 0m : volume / sizes.Count,
            TradeSizeP90 = Quantile(sizes, 0.9),
            Volume = volume,
            BuyShare = sizes.Count == 0 ? double.NaN : (double)buys / sizes.Count,
            InsideMidShare = takers.Count == 0 ? double.NaN : (double)takers.Count(t => t.DepthBps < 0) / takers.Count,
        };
    }

    /// <summary>Nearest-rank quantile (the value at rank ceil(q·n)); NaN for no data.</summary>
    private static double Quantile(List<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort();
        return values[Rank(values.Count, q)];
    }

    private static decimal Quantile(List<decimal> values, double q)
    {
        if (values.Count == 0)
        {
            return 0m;
        }

        values.Sort();
        return values[Rank(values.Count, q)];
    }

    private static int Rank(int count, double q) => Math.Clamp((int)Math.Ceiling(q * count) - 1, 0, count - 1);
}
