namespace HyperMM.Core.Trading;

/// <summary>
/// Why a venue (or the road to it) refused something, in venue-neutral categories: the strategy loop decides what to
/// do from the category alone, and the venue's own words travel beside it (<see cref="OrderResult.Message"/>). Each
/// venue adapter maps its texts into these in one table (Hyperliquid: <c>HyperMM.Hyperliquid.Exchange.RejectionTable</c>).
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

    /// <summary>The price is too far from the venue's reference or oracle price.</summary>
    PriceOutsideBand,
    InvalidTriggerPrice,

    // per-order, state
    InsufficientMargin,

    /// <summary>Not enough of an asset in a cash (spot) balance.</summary>
    InsufficientBalance,
    ReduceOnlyWouldIncrease,
    PostOnlyWouldCross,
    IocNoMatch,
    NoLiquidity,

    /// <summary>The market's open interest is at its cap.</summary>
    OpenInterestCap,

    /// <summary>The venue slows growth in the market (e.g. open interest rising too fast): try again later.</summary>
    MarketThrottled,

    /// <summary>The position would exceed what the venue allows at this leverage (margin tier, risk limit).</summary>
    PositionLimit,
    OrderNotFound,
    TooManyOpenOrders,

    // whole action

    /// <summary>The signer or account is unknown to the venue (never funded, agent not approved, vault not registered).</summary>
    UnknownAccount,

    /// <summary>The account exists but must deposit before it may act.</summary>
    AccountNotFunded,
    AddressRateLimited,
    InvalidNonce,

    /// <summary>The venue could not accept the signature (wrong network or chain, unrecoverable signer, payload mismatch).</summary>
    InvalidSignature,

    /// <summary>The venue refused the dead man's switch (scheduled cancel) for now.</summary>
    ScheduledCancelRefused,

    /// <summary>The account's mode does not allow this action.</summary>
    ActionNotAllowed,

    // transport
    HttpRateLimited,
    ServerError,
    Timeout,
    Transport,

    Unknown,
}
