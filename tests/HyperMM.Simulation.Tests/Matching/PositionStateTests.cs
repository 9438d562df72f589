using HyperMM.Simulation.Matching;

namespace HyperMM.Simulation.Tests.Matching;

public sealed class PositionStateTests
{
    [Fact]
    public void Average_entry_realised_pnl_and_flip()
    {
        var p = new PositionState();
        p.Apply(1m, 2000m);
        p.Apply(3m, 2100m);
        Assert.Equal(2075m, p.EntryPrice); // (1*2000 + 3*2100) / 4 = 8300 / 4

        Assert.Equal(250m, p.Apply(-2m, 2200m)); // 2 * (2200 - 2075)
        Assert.Equal((2m, 2075m), (p.Size, p.EntryPrice));

        Assert.Equal(-150m, p.Apply(-3m, 2000m)); // closes 2: 2 * (2000 - 2075); 1 opens short @ 2000
        Assert.Equal((-1m, 2000m, 100m), (p.Size, p.EntryPrice, p.RealizedPnl));

        Assert.Equal(-5m, p.UnrealizedPnl(2005m)); // -1 * (2005 - 2000)
        Assert.Equal(10m, p.Apply(1m, 1990m)); // short closed 10 lower
        Assert.Equal((0m, 0m), (p.Size, p.EntryPrice));
    }
}
