using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Exchange;

namespace HyperMM.Hyperliquid.Tests.Exchange;

/// <summary>Every error string of PROTOCOL §2.6 (per-order and whole-action), bare and with the live " asset=N" suffix.</summary>
public class RejectionTableTests
{
    public static TheoryData<string, RejectReason> Section26() => new()
    {
        { "Price must be divisible by tick size.", RejectReason.TickSize },
        { "Order must have minimum value of $10.", RejectReason.MinNotional },
        { "Insufficient margin to place order.", RejectReason.InsufficientMargin },
        { "Reduce only order would increase position.", RejectReason.ReduceOnlyWouldIncrease },
        { "Post only order would have immediately matched, bbo was 2000.1@2000.2.", RejectReason.PostOnlyWouldCross },
        { "Post only order would have immediately matched, bbo was {bbo}.", RejectReason.PostOnlyWouldCross },
        { "Order could not immediately match against any resting orders.", RejectReason.IocNoMatch },
        { "Invalid TP/SL price.", RejectReason.InvalidTriggerPrice },
        { "No liquidity available for market order.", RejectReason.NoLiquidity },
        { "Order would increase open interest while open interest is capped", RejectReason.OpenInterestCap },
        { "Order rejected due to price more aggressive than oracle while at open interest cap", RejectReason.OpenInterestCap },
        { "Order would increase open interest too quickly", RejectReason.MarketThrottled },
        { "Order price too far from oracle", RejectReason.PriceOutsideBand },
        { "Price too far from oracle", RejectReason.PriceOutsideBand },
        { "Order would cause position to exceed margin tier limit at current leverage", RejectReason.PositionLimit },
        { "Order has insufficient spot balance to trade", RejectReason.InsufficientBalance },
        { "Insufficient spot balance asset=10107", RejectReason.InsufficientBalance },
        { "Order price cannot be more than 80% away from the reference price", RejectReason.PriceOutsideBand },
        { "Order has invalid size.", RejectReason.InvalidSize },
        { "Order has invalid price.", RejectReason.InvalidPrice },
        { "Order has zero size.", RejectReason.ZeroSize },
        { "Order was never placed, already canceled, or filled.", RejectReason.OrderNotFound },
        { "tooManyOpenOrdersRejected", RejectReason.TooManyOpenOrders },
        { "User or API Wallet 0x14791697260e4c9a71f18484c9f997b308e59325 does not exist.", RejectReason.UnknownAccount },
        { "L1 error: User or API Wallet 0x14791697260e4c9a71f18484c9f997b308e59325 does not exist.", RejectReason.UnknownAccount },
        { "Must deposit before performing actions. User: 0x14791697260e4c9a71f18484c9f997b308e59325", RejectReason.AccountNotFunded },
        { "Too many cumulative requests sent (97460 > 97456) for cumulative volume traded $87457.46. Place taker orders to free up 1 request per USDC traded.", RejectReason.AddressRateLimited },
        { "Invalid nonce: duplicate nonce 1741107452532", RejectReason.InvalidNonce },
        { "Invalid nonce: nonce too low 1 < 2", RejectReason.InvalidNonce },
        { "Invalid nonce: nonce too high 3 > 2", RejectReason.InvalidNonce },
        { "Vault not registered: 0x1719884eb866cb12b2287399b15f7db5e7d775ea", RejectReason.UnknownAccount },
        { "Scheduled cancel time too early, must be at least 5 seconds from now.", RejectReason.ScheduledCancelRefused },
        { "Cannot set scheduled cancel time until enough volume traded. Required: $1000000. Traded: $373.47205.", RejectReason.ScheduledCancelRefused },
        { "Mainnet and testnet require different signature.", RejectReason.InvalidSignature },
        { "Nonce mismatch.", RejectReason.InvalidSignature },
        { "Unable to recover signer.", RejectReason.InvalidSignature },
        { "Action disabled when unified account is active.", RejectReason.ActionNotAllowed },
    };

    [Theory]
    [MemberData(nameof(Section26))]
    public void Classify_MapsEveryDocumentedString(string text, RejectReason expected)
    {
        Assert.Equal(expected, RejectionTable.Classify(text));
        Assert.Equal(expected, RejectionTable.Classify(text + " asset=4"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Something entirely new.")]
    [InlineData("price must be divisible by tick size.")]
    public void Classify_Unmatched_IsUnknown(string? text) => Assert.Equal(RejectReason.Unknown, RejectionTable.Classify(text));
}
