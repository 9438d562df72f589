using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Simulation.Matching;

/// <summary>A sink that drops everything.</summary>
public sealed class NullMatchingEventSink : IMatchingEventSink
{
    public static NullMatchingEventSink Instance { get; } = new();

    public void OnFill(Address account, Fill fill)
    {
    }

    public void OnOrderUpdate(Address account, OrderUpdate update)
    {
    }

    public void OnTrade(Trade trade)
    {
    }

    public void OnBook(OrderBookSnapshot book)
    {
    }
}
