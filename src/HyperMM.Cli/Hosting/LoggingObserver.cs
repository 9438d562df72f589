using HyperMM.Core.Accounting;
using HyperMM.Core.Model;
using HyperMM.Core.Strategy;
using HyperMM.Core.Trading;
using Microsoft.Extensions.Logging;

namespace HyperMM.Cli.Hosting;

/// <summary>Structured log lines for what the strategy loops report (notes, fills, rejections; quotes at Debug).</summary>
public sealed partial class LoggingObserver(ILogger logger) : IStrategyObserver
{
    public void OnQuote(string strategy, long timeMs, ModelQuote quote, RequotePlan plan)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var bid = quote.Nearest(Core.Primitives.Side.Buy) ?? default;
        var ask = quote.Nearest(Core.Primitives.Side.Sell) ?? default;
        LogQuote(logger, strategy, quote.Mid, bid.Price, bid.Size, ask.Price, ask.Size, quote.SpreadBps, quote.Stage, plan?.RequestCost ?? 0);
    }

    public void OnOrderResult(string strategy, long timeMs, string action, OrderRequest request, OrderResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!result.IsAccepted)
        {
            LogRejection(logger, strategy, action, request.Side, request.Price, request.Size, request.Tif, result.Reason, result.Message);
        }
    }

    public void OnCancelResult(string strategy, long timeMs, ManagedOrder order, CancelResult result)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!result.OrderGone)
        {
            LogCancelFailed(logger, strategy, order.Cloid.ToString(), result.Reason, result.Message);
        }
    }

    public void OnFill(string strategy, Fill fill, FillBooking booking)
    {
        ArgumentNullException.ThrowIfNull(fill);
        ArgumentNullException.ThrowIfNull(booking);
        LogFill(logger, strategy, fill.TradeId, fill.Side, fill.Size, fill.Price, fill.Fee, fill.Crossed, booking.Historical, booking.PositionAfter, booking.Mid, booking.MidStale);
    }

    public void OnLedger(string strategy, LedgerEntry entry)
    {
    }

    public void OnStatus(StrategyStatus status)
    {
    }

    public void OnNote(string strategy, long timeMs, string level, string message)
    {
        var logLevel = level switch
        {
            "error" => LogLevel.Error,
            "warn" => LogLevel.Warning,
            _ => LogLevel.Information,
        };
        LogNote(logger, logLevel, strategy, message);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Strategy} quote mid {Mid} bid {BidSize}@{BidPrice} ask {AskSize}@{AskPrice} spread {SpreadBps:0.###} bps stage {Stage} requests {Requests}")]
    private static partial void LogQuote(ILogger logger, string strategy, decimal mid, decimal bidPrice, decimal bidSize, decimal askPrice, decimal askSize, double spreadBps, int stage, int requests);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Strategy} {Action} {Side} {Size}@{Price} {Tif} rejected: {Reason} {VenueMessage}")]
    private static partial void LogRejection(ILogger logger, string strategy, string action, Core.Primitives.Side side, decimal price, decimal size, Core.Primitives.TimeInForce tif, RejectReason reason, string? venueMessage);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Strategy} cancel {Cloid} failed: {Reason} {VenueMessage}")]
    private static partial void LogCancelFailed(ILogger logger, string strategy, string cloid, RejectReason reason, string? venueMessage);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "{Strategy} fill tid {Tid} {Side} {Size}@{Price} fee {Fee} taker {Crossed} historical {Historical} position {Position} mid {Mid} stale {MidStale}")]
    private static partial void LogFill(ILogger logger, string strategy, long tid, Core.Primitives.Side side, decimal size, decimal price, decimal fee, bool crossed, bool historical, decimal position, decimal mid, bool midStale);

    [LoggerMessage(EventId = 5, Message = "{Strategy}: {Note}")]
    private static partial void LogNote(ILogger logger, LogLevel level, string strategy, string note);
}
