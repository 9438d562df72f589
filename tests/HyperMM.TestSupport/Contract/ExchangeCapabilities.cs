namespace HyperMM.TestSupport.Contract;

/// <summary>
/// How an <see cref="Core.Trading.IExchange"/> legitimately differs from another, stated instead of skipping tests.
/// </summary>
public sealed record ExchangeCapabilities
{
    /// <summary>
    /// Pushed events travel over a socket and arrive some time after the call that caused them (read with a
    /// deadline). False: they are in <c>Events</c> once the call, and the venue's delivery step, return.
    /// </summary>
    public bool EventsArriveAsynchronously { get; init; }

    /// <summary>
    /// Subscribing pushes the coin's current book at once (Hyperliquid's snapshot). False: the first book is the
    /// next one the market publishes.
    /// </summary>
    public bool BookSnapshotOnSubscribe { get; init; }
}
