using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;

namespace HyperMM.Simulation.Market;

/// <summary>
/// A reproducible synthetic market for several coins. Per coin: the mid is a geometric random walk
/// (log-return std VolBps1s·√dt), a book of <c>Levels</c> levels per side sits on the coin's tick grid with a
/// one-tick spread around the mid (top size ~ TopLevelSize·LogNormal(0, 0.75), deeper ~ LevelSize·LogNormal(0, 1)),
/// pushed every BookIntervalMs; taker orders arrive as a Poisson process (TradesPerSecond), buy or sell with equal
/// odds, with Pareto sizes (median MedianTradeSize, tail α) that walk the book from the touch, one print per level. Drive it in real
/// time with <see cref="Step"/>. Each coin has its own random stream derived from the seed. Not thread-safe.
/// </summary>
public sealed class SyntheticMarket
{
    private readonly List<CoinState> _coins = [];
    private long _tradeId = 1;

    public SyntheticMarket(IEnumerable<SyntheticCoinProfile> profiles, int seed, long startMs)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        NowMs = startMs;
        var index = 0;
        foreach (var profile in profiles)
        {
            var state = new CoinState(profile, new Random(unchecked((seed * 7919) + (++index * 104_729))), startMs);
            _coins.Add(state);
        }
    }

    public long NowMs { get; private set; }

    public IReadOnlyList<InstrumentSpec> Instruments => [.. _coins.Select(c => c.Profile.Instrument)];

    /// <summary>The last book pushed for a coin (null before the first push).</summary>
    public OrderBookSnapshot? CurrentBook(Coin coin) => _coins.FirstOrDefault(c => c.Profile.Instrument.Coin == coin)?.LastBook;

    /// <summary>Advances by <paramref name="dt"/> and returns the events in (now, now + dt], in time order.</summary>
    public IReadOnlyList<MarketEvent> Step(TimeSpan dt)
    {
        var end = NowMs + (long)dt.TotalMilliseconds;
        var events = new List<MarketEvent>();
        foreach (var coin in _coins)
        {
            coin.Run(end, events, ref _tradeId);
        }

        NowMs = end;
        return [.. events.Select((e, i) => (e, i)).OrderBy(x => x.e.TimeMs).ThenBy(x => x.i).Select(x => x.e)];
    }

    private sealed class CoinState(SyntheticCoinProfile profile, Random random, long startMs)
    {
        private double _logMid = Math.Log((double)profile.StartMid);
        private long _lastMs = startMs;
        private long _nextBookMs = startMs;
        private long _nextTradeMs = startMs + Exponential(random, profile.TradesPerSecond);

        public SyntheticCoinProfile Profile { get; } = profile;

        public OrderBookSnapshot? LastBook { get; private set; }

        public void Run(long endMs, List<MarketEvent> into, ref long tradeId)
        {
            while (true)
            {
                var next = Math.Min(_nextBookMs, _nextTradeMs);
                if (next > endMs)
                {
                    return;
                }

                Evolve(next);
                if (_nextBookMs <= _nextTradeMs)
                {
                    LastBook = BuildBook(next);
                    into.Add(MarketEvent.OfBook(LastBook));
                    _nextBookMs += Profile.BookIntervalMs;
                }
                else
                {
                    LastBook ??= BuildBook(next);
                    AddTrades(next, into, ref tradeId);
                    _nextTradeMs = next + Exponential(random, Profile.TradesPerSecond);
                }
            }
        }

        private void Evolve(long toMs)
        {
            var dtSeconds = (toMs - _lastMs) / 1000.0;
            if (dtSeconds > 0)
            {
                _logMid += Profile.VolBps1s / 10_000.0 * Math.Sqrt(dtSeconds) * Normal(random);
                _lastMs = toMs;
            }
        }

        private (decimal Bid, decimal Ask, decimal Tick) Touch()
        {
            var mid = (decimal)Math.Exp(_logMid);
            var tick = Profile.Instrument.TickAt(mid);
            var bid = Math.Floor(mid / tick) * tick;
            return (bid, bid + tick, tick);
        }

        private OrderBookSnapshot BuildBook(long timeMs)
        {
            var (bid, ask, tick) = Touch();
            var bids = new BookLevel[Profile.Levels];
            var asks = new BookLevel[Profile.Levels];
            for (var i = 0; i < Profile.Levels; i++)
            {
                var mean = i == 0 ? Profile.TopLevelSize : Profile.LevelSize;
                var sigma = i == 0 ? 0.75 : 1.0;
                bids[i] = new BookLevel(bid - (i * tick), Size(mean * Math.Exp(sigma * Normal(random))), 1 + random.Next(8));
                asks[i] = new BookLevel(ask + (i * tick), Size(mean * Math.Exp(sigma * Normal(random))), 1 + random.Next(8));
            }

            return new OrderBookSnapshot(Profile.Instrument.Coin, timeMs, bids, asks);
        }

        /// <summary>
        /// One taker order: a Pareto size (capped at the visible depth of the side it hits) that walks the last book
        /// level by level, printing one trade per level as the venue does.
        /// </summary>
        private void AddTrades(long timeMs, List<MarketEvent> into, ref long tradeId)
        {
            var book = LastBook!;
            var buy = random.NextDouble() < 0.5;
            var alpha = Profile.TradeSizeTailAlpha;
            var scale = Profile.MedianTradeSize / Math.Pow(2.0, 1.0 / alpha);
            var remaining = Size(scale / Math.Pow(1.0 - random.NextDouble(), 1.0 / alpha));
            var (bid, ask, tick) = Touch();
            var levels = buy ? book.Asks : book.Bids;
            for (var i = 0; i < levels.Count && remaining > 0m; i++)
            {
                // The book was pushed earlier; prices follow the current touch, sizes the pushed levels.
                var price = buy ? ask + (i * tick) : bid - (i * tick);
                var take = Math.Min(remaining, levels[i].Size);
                into.Add(MarketEvent.OfTrade(new Trade(Profile.Instrument.Coin, timeMs, buy ? Side.Buy : Side.Sell, price, take, tradeId++)));
                remaining -= take;
            }
        }

        private decimal Size(double size)
        {
            var lot = Profile.Instrument.LotSize;
            var rounded = Profile.Instrument.RoundSizeDown((decimal)Math.Min(size, 1e9));
            return Math.Max(lot, rounded);
        }
    }

    private static long Exponential(Random random, double ratePerSecond) =>
        Math.Max(1, (long)Math.Round(-Math.Log(1.0 - random.NextDouble()) / ratePerSecond * 1000.0));

    private static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
