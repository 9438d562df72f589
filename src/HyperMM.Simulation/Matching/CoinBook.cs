using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;

namespace HyperMM.Simulation.Matching;

/// <summary>
/// One coin's book: account orders per price level in time order, plus the outside market's last L2 snapshot
/// (liquidity that belongs to nobody we simulate) with what our takers consumed from it since that snapshot.
/// </summary>
internal sealed class CoinBook(InstrumentSpec spec)
{
    private static readonly IComparer<decimal> Descending = Comparer<decimal>.Create((a, b) => b.CompareTo(a));

    private IReadOnlyList<BookLevel> _outsideBids = [];
    private IReadOnlyList<BookLevel> _outsideAsks = [];
    private readonly Dictionary<decimal, decimal> _consumedBids = [];
    private readonly Dictionary<decimal, decimal> _consumedAsks = [];

    public InstrumentSpec Spec { get; } = spec;

    /// <summary>Bid levels, best (highest) first.</summary>
    public List<PriceLevel> Bids { get; } = [];

    /// <summary>Ask levels, best (lowest) first.</summary>
    public List<PriceLevel> Asks { get; } = [];

    public decimal LastTradePrice { get; set; }

    public List<PriceLevel> Levels(Side restingSide) => restingSide == Side.Buy ? Bids : Asks;

    public IReadOnlyList<BookLevel> Outside(Side restingSide) => restingSide == Side.Buy ? _outsideBids : _outsideAsks;

    public void SetOutside(OrderBookSnapshot snapshot)
    {
        // Snapshots are immutable: keep the lists, no copy.
        _outsideBids = snapshot.Bids;
        _outsideAsks = snapshot.Asks;
        _consumedBids.Clear();
        _consumedAsks.Clear();
    }

    /// <summary>Outside size still available at level <paramref name="index"/> of <paramref name="restingSide"/>.</summary>
    public decimal OutsideAvailable(Side restingSide, int index)
    {
        var level = Outside(restingSide)[index];
        var consumed = restingSide == Side.Buy ? _consumedBids : _consumedAsks;
        return consumed.TryGetValue(level.Price, out var used) ? Math.Max(0m, level.Size - used) : level.Size;
    }

    /// <summary>Outside size still available at exactly <paramref name="price"/> (0 when the level is absent).</summary>
    public decimal OutsideAvailableAt(Side restingSide, decimal price)
    {
        var levels = Outside(restingSide);
        for (var i = 0; i < levels.Count; i++)
        {
            if (levels[i].Price == price)
            {
                return OutsideAvailable(restingSide, i);
            }
        }

        return 0m;
    }

    public void ConsumeOutside(Side restingSide, decimal price, decimal size)
    {
        var consumed = restingSide == Side.Buy ? _consumedBids : _consumedAsks;
        consumed[price] = consumed.GetValueOrDefault(price) + size;
    }

    /// <summary>Best price resting on <paramref name="restingSide"/> (accounts or outside), or 0 when empty.</summary>
    public decimal Best(Side restingSide)
    {
        var own = Levels(restingSide);
        var best = own.Count > 0 ? own[0].Price : 0m;

        var outside = Outside(restingSide);
        for (var i = 0; i < outside.Count; i++)
        {
            if (OutsideAvailable(restingSide, i) > 0m)
            {
                var price = outside[i].Price;
                if (best == 0m || (restingSide == Side.Buy ? price > best : price < best))
                {
                    best = price;
                }

                break;
            }
        }

        return best;
    }

    /// <summary>Mid of the merged book, else the last trade, else 0.</summary>
    public decimal Mark()
    {
        var bid = Best(Side.Buy);
        var ask = Best(Side.Sell);
        return bid > 0m && ask > 0m ? (bid + ask) / 2m : LastTradePrice;
    }

    public void Add(SimOrder order) => LevelFor(order, create: true)!.Orders.Add(order);

    /// <summary>Removes a resting order; returns its index in the level queue (for reinsertion), or -1.</summary>
    public int Remove(SimOrder order)
    {
        var levels = Levels(order.Side);
        var at = Find(levels, order.Side, order.Price);
        if (at < 0)
        {
            return -1;
        }

        var queue = levels[at].Orders;
        var index = queue.IndexOf(order);
        if (index >= 0)
        {
            queue.RemoveAt(index);
            if (queue.Count == 0)
            {
                levels.RemoveAt(at);
            }
        }

        return index;
    }

    public void Reinsert(SimOrder order, int index)
    {
        var queue = LevelFor(order, create: true)!.Orders;
        queue.Insert(Math.Clamp(index, 0, queue.Count), order);
    }

    private PriceLevel? LevelFor(SimOrder order, bool create)
    {
        var levels = Levels(order.Side);
        var at = Find(levels, order.Side, order.Price);
        if (at >= 0)
        {
            return levels[at];
        }

        if (!create)
        {
            return null;
        }

        var level = new PriceLevel(order.Price);
        levels.Insert(~at, level);
        return level;
    }

    /// <summary>Binary search in best-first order: the index of <paramref name="price"/>, or the complement of where it goes.</summary>
    private static int Find(List<PriceLevel> levels, Side side, decimal price)
    {
        int lo = 0, hi = levels.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = levels[mid].Price.CompareTo(price);
            if (side == Side.Buy)
            {
                c = -c;
            }

            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    /// <summary>The merged L2 view: outside levels (less what we consumed) plus account orders, best first.</summary>
    public OrderBookSnapshot Snapshot(int depth, long timeMs) =>
        new(Spec.Coin, timeMs, Merge(Side.Buy, depth), Merge(Side.Sell, depth));

    private BookLevel[] Merge(Side side, int depth)
    {
        var merged = new SortedDictionary<decimal, (decimal Size, int Orders)>(side == Side.Buy ? Descending : Comparer<decimal>.Default);
        var outside = Outside(side);
        for (var i = 0; i < outside.Count; i++)
        {
            var available = OutsideAvailable(side, i);
            if (available > 0m)
            {
                merged[outside[i].Price] = (available, Math.Max(1, outside[i].Orders));
            }
        }

        foreach (var (price, queue) in Levels(side))
        {
            var size = 0m;
            foreach (var order in queue)
            {
                size += order.Remaining;
            }

            var existing = merged.GetValueOrDefault(price);
            merged[price] = (existing.Size + size, existing.Orders + queue.Count);
        }

        var result = new List<BookLevel>(Math.Min(depth, merged.Count));
        foreach (var (price, level) in merged)
        {
            if (result.Count == depth)
            {
                break;
            }

            result.Add(new BookLevel(price, level.Size, level.Orders));
        }

        return [.. result];
    }
}
