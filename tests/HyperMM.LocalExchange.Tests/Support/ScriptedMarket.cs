using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.LocalExchange.Market;
using HyperMM.Simulation.Market;

namespace HyperMM.LocalExchange.Tests.Support;

/// <summary>An outside market the test scripts: queued books and trades come out at the next step.</summary>
public sealed class ScriptedMarket : IMarketSource
{
    private readonly Queue<MarketEvent> _queue = new();
    private readonly Lock _gate = new();

    public bool IsExhausted => false;

    public void Book(string coin, decimal bestBid, decimal bestAsk, decimal tick, decimal size = 5m, int levels = 5)
    {
        var bids = Enumerable.Range(0, levels).Select(i => new BookLevel(bestBid - (i * tick), size, 1)).ToArray();
        var asks = Enumerable.Range(0, levels).Select(i => new BookLevel(bestAsk + (i * tick), size, 1)).ToArray();
        Enqueue(MarketEvent.OfBook(new OrderBookSnapshot(new Coin(coin), 0, bids, asks)));
    }

    public void Trade(string coin, Side aggressor, decimal price, decimal size, long tid) =>
        Enqueue(MarketEvent.OfTrade(new Trade(new Coin(coin), 0, aggressor, price, size, tid)));

    public void Advance(TimeSpan elapsed, List<MarketEvent> output)
    {
        lock (_gate)
        {
            while (_queue.Count > 0)
            {
                output.Add(_queue.Dequeue());
            }
        }
    }

    private void Enqueue(MarketEvent e)
    {
        lock (_gate)
        {
            _queue.Enqueue(e);
        }
    }
}
