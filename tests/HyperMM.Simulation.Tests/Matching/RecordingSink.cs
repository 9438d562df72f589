using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Simulation.Matching;

namespace HyperMM.Simulation.Tests.Matching;

internal sealed class RecordingSink : IMatchingEventSink
{
    public List<(Address Account, Fill Fill)> Fills { get; } = [];

    public List<(Address Account, OrderUpdate Update)> Updates { get; } = [];

    public List<Trade> Trades { get; } = [];

    public List<OrderBookSnapshot> Books { get; } = [];

    public void OnFill(Address account, Fill fill) => Fills.Add((account, fill));

    public void OnOrderUpdate(Address account, OrderUpdate update) => Updates.Add((account, update));

    public void OnTrade(Trade trade) => Trades.Add(trade);

    public void OnBook(OrderBookSnapshot book) => Books.Add(book);
}
