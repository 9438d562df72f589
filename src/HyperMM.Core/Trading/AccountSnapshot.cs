using HyperMM.Core.Primitives;

namespace HyperMM.Core.Trading;

/// <summary>
/// The account as the venue sees it for one coin: signed position (positive long), entry price, margin figures and
/// open orders on the coin. Used to reconcile at start and after a stream interruption.
/// </summary>
public sealed record AccountSnapshot(
    Address Account,
    Coin Coin,
    decimal Position,
    decimal EntryPrice,
    decimal AccountValue,
    decimal MarginUsed,
    decimal Withdrawable,
    IReadOnlyList<OpenOrder> OpenOrders,
    long TimeMs);
