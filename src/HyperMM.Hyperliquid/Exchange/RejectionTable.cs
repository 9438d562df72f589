using HyperMM.Core.Trading;

namespace HyperMM.Hyperliquid.Exchange;

/// <summary>
/// The one place that maps Hyperliquid's error strings (PROTOCOL §2.6) to <see cref="RejectReason"/>. Matching is by
/// prefix, so the live suffix <c>" asset=N"</c>, the variable parts (<c>bbo was …</c>, addresses, nonces, amounts)
/// and the <c>"L1 error: "</c> prefix seen on some whole-action errors are tolerated.
/// </summary>
public static class RejectionTable
{
    private const string L1ErrorPrefix = "L1 error: ";

    /// <summary>(prefix, reason), checked in order; longer/more specific prefixes first where they overlap.</summary>
    public static readonly IReadOnlyList<(string Prefix, RejectReason Reason)> Entries =
    [
        // per order (statuses[i].error)
        ("Price must be divisible by tick size", RejectReason.TickSize),
        ("Order must have minimum value of $10", RejectReason.MinNotional),
        ("Insufficient margin to place order", RejectReason.InsufficientMargin),
        ("Reduce only order would increase position", RejectReason.ReduceOnlyWouldIncrease),
        ("Post only order would have immediately matched", RejectReason.PostOnlyWouldCross),
        ("Order could not immediately match against any resting orders", RejectReason.IocNoMatch),
        ("Invalid TP/SL price", RejectReason.InvalidTriggerPrice),
        ("No liquidity available for market order", RejectReason.NoLiquidity),
        ("Order would increase open interest while open interest is capped", RejectReason.OpenInterestCap),
        ("Order rejected due to price more aggressive than oracle while at open interest cap", RejectReason.OpenInterestCap),
        ("Order would increase open interest too quickly", RejectReason.MarketThrottled),
        ("Order price too far from oracle", RejectReason.PriceOutsideBand),
        ("Price too far from oracle", RejectReason.PriceOutsideBand),
        ("Order would cause position to exceed margin tier limit at current leverage", RejectReason.PositionLimit),
        ("Order has insufficient spot balance to trade", RejectReason.InsufficientBalance),
        ("Insufficient spot balance", RejectReason.InsufficientBalance),
        ("Order price cannot be more than ", RejectReason.PriceOutsideBand),
        ("Order has invalid size", RejectReason.InvalidSize),
        ("Order has invalid price", RejectReason.InvalidPrice),
        ("Order has zero size", RejectReason.ZeroSize),
        ("Order was never placed, already canceled, or filled", RejectReason.OrderNotFound),
        ("tooManyOpenOrdersRejected", RejectReason.TooManyOpenOrders),
        ("Too many open orders", RejectReason.TooManyOpenOrders),

        // whole action ({"status":"err","response":"…"})
        ("User or API Wallet ", RejectReason.UnknownAccount),
        ("Must deposit before performing actions", RejectReason.AccountNotFunded),
        ("Too many cumulative requests sent", RejectReason.AddressRateLimited),
        ("Invalid nonce", RejectReason.InvalidNonce),
        ("Vault not registered", RejectReason.UnknownAccount),
        ("Scheduled cancel time too early", RejectReason.ScheduledCancelRefused),
        ("Cannot set scheduled cancel time until enough volume traded", RejectReason.ScheduledCancelRefused),
        ("Mainnet and testnet require different signature", RejectReason.InvalidSignature),
        ("Nonce mismatch", RejectReason.InvalidSignature),
        ("Unable to recover signer", RejectReason.InvalidSignature),
        ("Action disabled when unified account is active", RejectReason.ActionNotAllowed),
    ];

    /// <summary>The reason for an error text; <see cref="RejectReason.Unknown"/> when no prefix matches.</summary>
    public static RejectReason Classify(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return RejectReason.Unknown;
        }

        var text = message.StartsWith(L1ErrorPrefix, StringComparison.Ordinal) ? message[L1ErrorPrefix.Length..] : message;
        foreach (var (prefix, reason) in Entries)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return reason;
            }
        }

        return RejectReason.Unknown;
    }
}
