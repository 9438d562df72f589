using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Simulation.Matching;

/// <summary>
/// Receives what a <see cref="MatchingEngine"/> would push (a server forwards these to WebSocket subscribers).
/// Called synchronously, inside the engine's lock, in the order things happened; a sink may read the engine
/// (the lock is re-entrant) but should hand work off rather than block.
/// </summary>
public interface IMatchingEventSink
{
    /// <summary>A fill of <paramref name="account"/>.</summary>
    void OnFill(Address account, Fill fill);

    /// <summary>A status change of one of <paramref name="account"/>'s orders (open, filled, canceled, ...).</summary>
    void OnOrderUpdate(Address account, OrderUpdate update);

    /// <summary>A public trade print (account-vs-account, account-vs-outside, or an outside trade).</summary>
    void OnTrade(Trade trade);

    /// <summary>The visible book of a coin changed; <paramref name="book"/> is the merged (outside + accounts) L2 view.</summary>
    void OnBook(OrderBookSnapshot book);
}
