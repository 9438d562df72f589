namespace HyperMM.Core.Trading;

/// <summary>
/// Why the venue (or the road to it) refused something. The Hyperliquid adapter maps the venue's error strings to
/// these in one table; the strategy loop decides what to do from the reason alone.
/// </summary>
public enum RejectReason
{
    None = 0,

    // per-order, payload
    TickSize,
    MinNotional,
    InvalidSize,
    InvalidPrice,
    ZeroSize,
    PriceTooFarFromReference,
    PriceTooFarFromOracle,
    InvalidTriggerPrice,

    // per-order, state
    InsufficientMargin,
    ReduceOnlyWouldIncrease,
    PostOnlyWouldCross,
    IocNoMatch,
    NoLiquidity,
    OpenInterestCap,
    OpenInterestTooFast,
    MarginTierLimit,
    InsufficientSpotBalance,
    OrderNotFound,
    TooManyOpenOrders,

    // whole action
    UnknownSigner,
    MustDeposit,
    AddressRateLimited,
    InvalidNonce,
    VaultNotRegistered,
    ScheduledCancelTooEarly,
    ScheduledCancelVolumeGate,
    WrongNetwork,
    NonceMismatch,
    UnableToRecoverSigner,
    UnifiedAccount,

    // transport
    HttpRateLimited,
    ServerError,
    Timeout,
    Transport,

    Unknown,
}
