using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Simulation.Market;

namespace HyperMM.Simulation.Tests.Calibration;

/// <summary>
/// A market drawn from known parameters: a geometric random-walk mid (1 s log-return std <c>sigmaBps1s</c>) pushed as
/// a book every 100 ms with a spread of <c>spreadBps</c>; per side, taker orders arrive as a Poisson process of rate
/// <c>aPerSecond</c> and reach a depth ~ Exponential(<c>kappaPerBps</c>) from the last book's mid, so the rate of
/// orders reaching at least delta is exactly A·exp(-kappa·delta) per side.
/// </summary>
internal static class SyntheticTape
{
    public static List<MarketEvent> Draw(int seed, double seconds, double sigmaBps1s, double aPerSecond, double kappaPerBps, double spreadBps = 0.2)
    {
        var rng = new Random(seed);
        var coin = new Coin("ETH");
        const long start = 1_757_000_000_000;
        const int bookMs = 100;
        var mids = new List<double>();
        var events = new List<MarketEvent>();
        var mid = 4000.0;
        var stepSigma = sigmaBps1s * Math.Sqrt(bookMs / 1000.0) / 10_000.0;
        for (var t = 0L; t <= seconds * 1000; t += bookMs)
        {
            mids.Add(mid);
            var half = mid * spreadBps / 2 / 10_000.0;
            events.Add(MarketEvent.OfBook(new OrderBookSnapshot(coin, start + t,
                [new BookLevel(Round(mid - half), 10m, 1)], [new BookLevel(Round(mid + half), 10m, 1)])));
            mid *= Math.Exp(stepSigma * Normal(rng));
        }

        var tid = 1L;
        foreach (var side in new[] { Side.Buy, Side.Sell })
        {
            var t = 0.0;
            while (true)
            {
                t += -Math.Log(1.0 - rng.NextDouble()) / aPerSecond;
                var ms = (long)(t * 1000);
                if (ms > seconds * 1000)
                {
                    break;
                }

                if (ms % bookMs == 0)
                {
                    ms++; // never on a book's millisecond: the mid "before" is then unambiguous
                }

                var before = mids[(int)((ms - 1) / bookMs)];
                var depth = -Math.Log(1.0 - rng.NextDouble()) / kappaPerBps;
                var price = before * (1 + ((side == Side.Buy ? depth : -depth) / 10_000.0));
                events.Add(MarketEvent.OfTrade(new Trade(coin, start + ms, side, Round(price), 0.1m, tid++)));
            }
        }

        return [.. events.OrderBy(e => e.TimeMs).ThenBy(e => e.Kind)];
    }

    private static decimal Round(double price) => decimal.Round((decimal)price, 8);

    private static double Normal(Random rng) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2.0 * Math.PI * rng.NextDouble());
}
