using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Simulation.Matching;

namespace HyperMM.Simulation.Backtest;

/// <summary>A sink that forwards to another one resolved lazily (the engine and the exchange need each other).</summary>
internal sealed class ForwardingSink(Func<IMatchingEventSink> target) : IMatchingEventSink
{
    private IMatchingEventSink? _target;

    private IMatchingEventSink Target => _target ??= target();

    public void OnFill(Address account, Fill fill) => Target.OnFill(account, fill);

    public void OnOrderUpdate(Address account, OrderUpdate update) => Target.OnOrderUpdate(account, update);

    public void OnTrade(Trade trade) => Target.OnTrade(trade);

    public void OnBook(OrderBookSnapshot book) => Target.OnBook(book);
}
