using HyperMM.Core.Primitives;
using HyperMM.Core.Strategy;

namespace HyperMM.Core.Tests.Strategy;

public class PositionLedgerTests
{
    [Fact]
    public void Apply_BuildUpThenReduce_AverageCostAndRealisedPnl()
    {
        var ledger = new PositionLedger();
        ledger.Apply(Side.Buy, 100m, 1m, 0.015m);
        ledger.Apply(Side.Buy, 110m, 1m, 0.0165m);
        // average entry = (100 × 1 + 110 × 1) / 2 = 105
        Assert.Equal(2m, ledger.Position);
        Assert.Equal(105m, ledger.AverageEntryPrice);

        ledger.Apply(Side.Sell, 120m, 1.5m, 0.081m);
        // realised = (120 − 105) × 1.5 = 22.5; 0.5 left at 105
        Assert.Equal(22.5m, ledger.RealizedPnl);
        Assert.Equal(0.5m, ledger.Position);
        Assert.Equal(105m, ledger.AverageEntryPrice);
        // unrealised at 100 = (100 − 105) × 0.5 = −2.5; fees 0.015 + 0.0165 + 0.081 = 0.1125
        Assert.Equal(-2.5m, ledger.UnrealizedPnl(100m));
        Assert.Equal(0.1125m, ledger.Fees);
        Assert.Equal(22.5m - 2.5m - 0.1125m, ledger.NetPnl(100m));
        // volume = 100 + 110 + 180 = 390
        Assert.Equal(390m, ledger.Volume);
    }

    [Fact]
    public void Apply_FlipFromLongToShort_ClosesThenOpensAtFillPrice()
    {
        var ledger = new PositionLedger();
        ledger.Apply(Side.Buy, 50m, 2m, 0m);
        ledger.Apply(Side.Sell, 45m, 5m, 0m);
        // closes 2 at a loss of (45 − 50) × 2 = −10, then short 3 from 45
        Assert.Equal(-10m, ledger.RealizedPnl);
        Assert.Equal(-3m, ledger.Position);
        Assert.Equal(45m, ledger.AverageEntryPrice);
        // short 3 from 45 marked at 40: (40 − 45) × −3 = +15
        Assert.Equal(15m, ledger.UnrealizedPnl(40m));
    }

    [Fact]
    public void Apply_BackToFlat_ResetsEntry()
    {
        var ledger = new PositionLedger();
        ledger.Apply(Side.Sell, 10m, 1m, 0m);
        ledger.Apply(Side.Buy, 9m, 1m, 0m);
        Assert.Equal(0m, ledger.Position);
        Assert.Equal(0m, ledger.AverageEntryPrice);
        Assert.Equal(1m, ledger.RealizedPnl); // sold 10, bought back 9
    }
}
