using System.Threading.Channels;
using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;

namespace HyperMM.Core.Trading;

/// <summary>
/// The port the strategy loop trades through: one account on one venue. The Hyperliquid client (live, or against
/// the local exchange) and the backtest simulator implement it, and one contract test specifies it for each
/// (tests/HyperMM.TestSupport/Contract/ExchangeContract.cs; legitimate differences are stated as capabilities).
/// Expected venue outcomes come back as values (<see cref="OrderResult"/>, <see cref="CancelResult"/>);
/// exceptions are for bugs and for cancellation.
/// </summary>
public interface IExchange : IAsyncDisposable
{
    /// <summary>The trading account (master or sub-account), whose state the queries return.</summary>
    Address Account { get; }

    /// <summary>Pushed events (books, trades, our fills and order updates, stream interruptions), in arrival order.</summary>
    ChannelReader<ExchangeEvent> Events { get; }

    ValueTask<InstrumentSpec> GetInstrumentAsync(Coin coin, CancellationToken cancellationToken);

    /// <summary>Starts the market streams for <paramref name="coin"/> and the account's user streams.</summary>
    ValueTask SubscribeAsync(Coin coin, CancellationToken cancellationToken);

    ValueTask<OrderBookSnapshot> GetBookAsync(Coin coin, CancellationToken cancellationToken);

    ValueTask<AccountSnapshot> GetAccountAsync(Coin coin, CancellationToken cancellationToken);

    /// <summary>Our fills with time ≥ <paramref name="sinceMs"/>, oldest first.</summary>
    ValueTask<IReadOnlyList<Fill>> GetFillsAsync(long sinceMs, CancellationToken cancellationToken);

    ValueTask<OrderLookup> GetOrderAsync(Cloid cloid, CancellationToken cancellationToken);

    ValueTask<RequestBudget> GetRequestBudgetAsync(CancellationToken cancellationToken);

    /// <summary>Places orders as one batch; one result per order, in order.</summary>
    ValueTask<IReadOnlyList<OrderResult>> PlaceOrdersAsync(IReadOnlyList<OrderRequest> orders, CancellationToken cancellationToken);

    /// <summary>Modifies orders as one batch; one result per modify, in order.</summary>
    ValueTask<IReadOnlyList<OrderResult>> ModifyOrdersAsync(IReadOnlyList<ModifyRequest> modifies, CancellationToken cancellationToken);

    /// <summary>Cancels as one batch; one result per cancel, in order.</summary>
    ValueTask<IReadOnlyList<CancelResult>> CancelOrdersAsync(IReadOnlyList<CancelRequest> cancels, CancellationToken cancellationToken);

    /// <summary>Sets the venue-side dead-man switch (null clears it). Returns false where the venue refuses it.</summary>
    ValueTask<CancelResult> ScheduleCancelAsync(DateTimeOffset? at, CancellationToken cancellationToken);

    ValueTask<bool> SetLeverageAsync(Coin coin, int leverage, bool isCross, CancellationToken cancellationToken);
}
