using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Actions;
using HyperMM.Hyperliquid.Exchange;
using HyperMM.Hyperliquid.Info;
using HyperMM.Simulation.Matching;

namespace HyperMM.LocalExchange.Json;

/// <summary>
/// Engine state → the client's wire models (HyperMM.Hyperliquid), whose <c>Write</c> methods print exactly the
/// shapes the client parses: the local exchange and the client share one definition of every JSON shape.
/// </summary>
public static class VenueModels
{
    public static UserFill Fill(Fill f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new UserFill(f.Coin, f.Price, f.Size, f.Side, f.TimeMs, f.StartPosition, FillDirection(f.Side, f.StartPosition, f.Size),
            Num.Round(f.ClosedPnl), f.Hash ?? TxHash(f.TradeId), f.OrderId, f.Crossed, Num.Round(f.Fee), f.TradeId, "USDC", null, f.Cloid);
    }

    public static FrontendOpenOrder Frontend(OpenOrder o, TimeInForce? tif) =>
        new(VenueOpenOrder.From(o), false, false, "Limit", tif is { } t ? WireNames.Tif(t) : null, 0m, "N/A", []);

    public static ExchangeStatus Status(OrderResult r) => r.Kind switch
    {
        OrderResultKind.Resting => ExchangeStatus.Resting(r.OrderId, r.Cloid),
        OrderResultKind.Filled => ExchangeStatus.Filled(r.OrderId, r.FilledSize, Num.Round(r.AveragePrice), r.Cloid),
        _ => ExchangeStatus.Rejected(r.Message ?? VenueErrors.InvalidPrice),
    };

    public static ExchangeStatus Status(CancelResult r) =>
        r.Success ? ExchangeStatus.Success : ExchangeStatus.Rejected(r.Message ?? VenueErrors.MissingOrder);

    /// <summary>
    /// <c>clearinghouseState</c>: flat coins absent; each position's leverage is cross, or isolated with
    /// <c>rawUsd</c> = marginUsed − szi × markPx (the isolated USD balance: PROTOCOL §1.4's recorded example has
    /// marginUsed 4.967826, positionValue 100.02765 for a long and rawUsd −95.059824).
    /// </summary>
    public static ClearinghouseState Clearinghouse(SimAccountState a, Func<Coin, int> maxLeverage, long timeMs)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(maxLeverage);
        var positions = new List<PerpPosition>();
        var notional = 0m;
        foreach (var p in a.Positions.Where(p => p.Size != 0m))
        {
            var value = Math.Abs(p.Size) * p.MarkPrice;
            notional += value;
            positions.Add(new PerpPosition(p.Coin, p.Size, Num.Round(p.EntryPrice), Num.Round(value), Num.Round(p.UnrealizedPnl),
                p.MarginUsed == 0m ? 0m : Num.Round(p.UnrealizedPnl / p.MarginUsed), null, Num.Round(p.MarginUsed),
                Leverage(p), maxLeverage(p.Coin), 0m));
        }

        var summary = new MarginSummary(Num.Round(a.AccountValue), Num.Round(a.MarginUsed), Num.Round(notional), Num.Round(a.Balance));
        return new ClearinghouseState(positions, summary, summary, Num.Round(a.MarginUsed / 2m), Num.Round(a.Withdrawable), timeMs);
    }

    public static PositionLeverage Leverage(SimPosition p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new PositionLeverage(p.IsCross, p.Leverage, p.IsCross ? null : Num.Round(p.MarginUsed - (p.Size * p.MarkPrice)));
    }

    /// <summary>
    /// The venue's <c>dir</c>: "Open Long", "Close Long", "Open Short", "Close Short", or "Long &gt; Short" /
    /// "Short &gt; Long" when one fill flips the position.
    /// </summary>
    public static string FillDirection(Side side, decimal startPosition, decimal size)
    {
        var end = startPosition + (side == Side.Buy ? size : -size);
        if (side == Side.Buy)
        {
            return startPosition >= 0m ? "Open Long" : end > 0m ? "Short > Long" : "Close Short";
        }

        return startPosition <= 0m ? "Open Short" : end < 0m ? "Long > Short" : "Close Long";
    }

    /// <summary>A stand-in L1 transaction hash (the local venue has no chain): 0x + 64 hex from the trade id.</summary>
    public static string TxHash(long tradeId) => "0x" + tradeId.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
}
