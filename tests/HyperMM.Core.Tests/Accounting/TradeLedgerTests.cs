using HyperMM.Core.Accounting;
using HyperMM.Core.Primitives;

namespace HyperMM.Core.Tests.Accounting;

/// <summary>The ledger against hand calculations (each in a comment).</summary>
public class TradeLedgerTests
{
    private const long T0 = 1_757_015_216_000;

    private static LedgerFill Fill(long sec, Side side, decimal price, decimal size, decimal mid, decimal fee = 0m, bool taker = false, bool stale = false) =>
        new(T0 + (sec * 1000), side, price, size, fee, taker, mid, stale);

    [Fact]
    public void Apply_BuildUpThenReduce_AverageCostRealisedAndUnrealised()
    {
        var ledger = new TradeLedger(T0);
        ledger.Apply(Fill(1, Side.Buy, 100m, 1m, 100m, 0.015m));
        ledger.Apply(Fill(2, Side.Buy, 110m, 1m, 110m, 0.0165m));
        // average entry = (100 × 1 + 110 × 1) / 2 = 105
        Assert.Equal(2m, ledger.Position);
        Assert.Equal(105m, ledger.AverageEntryPrice);

        ledger.Apply(Fill(3, Side.Sell, 120m, 1.5m, 120m, 0.081m));
        // realised = (120 − 105) × 1.5 = 22.5; 0.5 left at 105
        Assert.Equal(22.5m, ledger.RealizedPnl);
        Assert.Equal(0.5m, ledger.Position);
        Assert.Equal(105m, ledger.AverageEntryPrice);
        ledger.Mark(T0 + 4000, 100m);
        // unrealised at 100 = (100 − 105) × 0.5 = −2.5; fees 0.015 + 0.0165 + 0.081 = 0.1125; volume 100 + 110 + 180 = 390
        Assert.Equal(-2.5m, ledger.UnrealizedPnl);
        Assert.Equal(0.1125m, ledger.Fees);
        Assert.Equal(22.5m - 2.5m - 0.1125m, ledger.TotalPnl);
        Assert.Equal(390m, ledger.VolumeUsd);
        // Each fill at its own mid earns no spread; inventory: 1 × (110 − 100) + 2 × (120 − 110) + 0.5 × (100 − 120) = 20 = 22.5 − 2.5
        Assert.Equal(0m, ledger.SpreadCapture);
        Assert.Equal(20m, ledger.InventoryPnl);
    }

    [Fact]
    public void Apply_FlipFromLongToShort_ClosesThenOpensAtFillPrice()
    {
        var ledger = new TradeLedger(T0);
        ledger.Apply(Fill(1, Side.Buy, 50m, 2m, 50m));
        ledger.Apply(Fill(2, Side.Sell, 45m, 5m, 45m));
        // closes 2 at a loss of (45 − 50) × 2 = −10, then short 3 from 45
        Assert.Equal(-10m, ledger.RealizedPnl);
        Assert.Equal(-3m, ledger.Position);
        Assert.Equal(45m, ledger.AverageEntryPrice);
        ledger.Mark(T0 + 3000, 40m);
        // short 3 from 45 marked at 40: (40 − 45) × −3 = +15
        Assert.Equal(15m, ledger.UnrealizedPnl);
    }

    [Fact]
    public void Apply_BackToFlat_ResetsEntry()
    {
        var ledger = new TradeLedger(T0);
        ledger.Apply(Fill(1, Side.Sell, 10m, 1m, 10m));
        ledger.Apply(Fill(2, Side.Buy, 9m, 1m, 9m));
        Assert.Equal(0m, ledger.Position);
        Assert.Equal(0m, ledger.AverageEntryPrice);
        Assert.Equal(1m, ledger.RealizedPnl); // sold 10, bought back 9
    }

    [Fact]
    public void SpreadCapture_IsSignedEdgeAgainstTheMid_ForMakerAndTakerFills()
    {
        var ledger = new TradeLedger(T0);
        ledger.Mark(T0, 2000m);
        ledger.Apply(Fill(10, Side.Buy, 1999m, 1m, 2000m));              // (2000 − 1999) × 1 = +1.0
        ledger.Apply(Fill(30, Side.Sell, 2003m, 0.5m, 2002m));           // (2003 − 2002) × 0.5 = +0.5
        ledger.Apply(Fill(60, Side.Sell, 2000m, 1m, 2001m, taker: true)); // (2000 − 2001) × 1 = −1.0: a taker pays the half spread
        Assert.Equal(0.5m, ledger.SpreadCapture);
        Assert.Equal(3, ledger.Fills);
        Assert.Equal(1, ledger.TakerFills);
        // inventory: 1 × (2002 − 2000) + 0.5 × (2001 − 2002) = 1.5; position −0.5 marked at 2001
        Assert.Equal(1.5m, ledger.InventoryPnl);
        Assert.Equal(ledger.RealizedPnl + ledger.UnrealizedPnl, ledger.SpreadCapture + ledger.InventoryPnl);
    }

    [Fact]
    public void Markouts_UseTheMidInForceAtEachHorizon_AndLeaveOutFillsPastTheEnd()
    {
        var ledger = new TradeLedger(T0);
        ledger.Mark(T0, 100.5m);
        ledger.Apply(new LedgerFill(T0, Side.Buy, 100m, 1m, 0m, false, 100.5m, false)); // buy 1 @ 100 at t 0
        ledger.Mark(T0 + 500, 101m);   // in force at t 1 s
        ledger.Mark(T0 + 5_000, 99m);  // in force at t 10 s and t 60 s
        ledger.Mark(T0 + 70_000, 102m);
        var f = ledger.Figures(T0 + 70_000);
        // 1 s: (101 − 100) × 1 / 100 notional = +100 bps; 10 s and 60 s: (99 − 100) / 100 = −100 bps
        Assert.Equal(100m, f.Markout(1)!.Bps);
        Assert.Equal(-100m, f.Markout(10)!.Bps);
        Assert.Equal(-100m, f.Markout(60)!.Bps);
        Assert.Equal(1, f.Markout(60)!.Fills);

    }

    [Fact]
    public void Markout_AsOfBeforeAnyLaterMark_UsesTheLastMid_AndPendingHorizonsAreCounted()
    {
        var ledger = new TradeLedger(T0);
        ledger.Apply(new LedgerFill(T0, Side.Sell, 100m, 2m, 0m, false, 99.5m, false)); // sell 2 @ 100, mid 99.5
        ledger.Mark(T0 + 20_000, 99m);
        var f = ledger.Figures(T0 + 30_000);
        // mid at 1 s and 10 s: 99.5 (the fill's mid) → (100 − 99.5) × 2 / 200 = +50 bps
        Assert.Equal(50m, f.Markout(1)!.Bps);
        Assert.Equal(50m, f.Markout(10)!.Bps);
        Assert.Null(f.Markout(60)!.Bps);
        Assert.Equal(1, f.Markout(60)!.PendingFills);
        Assert.Equal(0, f.Markout(60)!.Fills);
    }

    [Fact]
    public void TimeWeightedInventory_IntegratesThePositionOverTheWindow()
    {
        var ledger = new TradeLedger(T0);
        ledger.Apply(Fill(10, Side.Buy, 100m, 2m, 100m));  // |q| 0 for 10 s
        ledger.Apply(Fill(30, Side.Sell, 100m, 3m, 100m)); // 2 for 20 s
        var f = ledger.Figures(T0 + 80_000);               // 1 for 50 s
        // (0 × 10 + 2 × 20 + 1 × 50) / 80 = 90 / 80 = 1.125
        Assert.Equal(1.125m, f.TimeWeightedAbsPosition);
        Assert.Equal(2m, f.MaxAbsPosition);
        Assert.Equal(80_000, f.WindowMs);
        Assert.Equal(2 / (80 / 3600.0), f.FillsPerHour, 9);
    }

    [Fact]
    public void Adjust_WithoutAnyPrice_IsBookedAtTheFirstMid_AndReplaysTheSame()
    {
        var ledger = new TradeLedger(T0);
        Assert.Null(ledger.Adjust(T0, 0.5m, 0m)); // the venue says 0.5 before any book, without an entry price
        Assert.Equal(0.5m, ledger.Position);
        var mark = ledger.Mark(T0 + 1000, 200m)!;  // booked here, at 200
        Assert.Equal(0.5m, mark.Position);
        ledger.Mark(T0 + 2000, 204m);
        // inventory 0.5 × (204 − 200) = 2 = unrealised 0.5 × 204 − 0.5 × 200
        Assert.Equal(2m, ledger.InventoryPnl);
        Assert.Equal(2m, ledger.UnrealizedPnl);
        Assert.Equal(1, ledger.Adjustments);
        Assert.Equal(0m, ledger.SpreadCapture);

        var replay = new LedgerWindow("t", T0, T0 + 2000, [mark, new LedgerEntry(2, T0 + 2000, LedgerEntryKind.Mark, 204m, 0.5m)], LedgerCounters.None);
        Assert.Equal(ledger.Figures(T0 + 2000), replay.Figures());
    }

    [Fact]
    public void StaleMidFills_AreBookedAtTheirMid_AndCounted()
    {
        var ledger = new TradeLedger(T0);
        ledger.Mark(T0, 4297.5m);
        ledger.Apply(Fill(5, Side.Buy, 4297m, 0.01m, 4297.5m, stale: true));
        Assert.Equal(1, ledger.StaleMidFills);
        Assert.Equal(0.005m, ledger.SpreadCapture); // (4297.5 − 4297) × 0.01, at the last valid mid
    }
}
