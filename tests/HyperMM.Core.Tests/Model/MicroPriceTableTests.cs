using HyperMM.Core.Market;
using HyperMM.Core.Model;

namespace HyperMM.Core.Tests.Model;

public class MicroPriceTableTests
{
    private static readonly MicroPriceTable Table = MicroPriceTable.Create(
    [
        [-0.4, -0.2, 0.0, 0.2, 0.4],
        [-0.9, -0.3, 0.0, 0.3, 0.9],
    ]);

    [Theory]
    [InlineData(0, 10, 0)]
    [InlineData(19, 81, 0)]   // I = 0.19: floor(0.95) = 0
    [InlineData(20, 80, 1)]   // I = 0.2: floor(1) = 1
    [InlineData(50, 50, 2)]   // I = 0.5: floor(2.5) = 2, the middle
    [InlineData(60, 40, 2)]   // above 0.5: 4 − floor(5 · 0.4) = 2
    [InlineData(80, 20, 3)]   // 4 − floor(5 · 0.2) = 3: the mirror of 0.2's bucket 1 (an edge goes towards the middle)
    [InlineData(81, 19, 4)]   // 4 − floor(0.95) = 4
    [InlineData(10, 0, 4)]
    public void Bucket_CutsFiveEqualBucketsSymmetricAboutTheMiddle(int bidSize, int askSize, int expected) =>
        Assert.Equal(expected, MicroPrice.Bucket(bidSize, askSize, 5));

    [Fact]
    public void Bucket_OfSwappedSizes_IsTheMirrorBucket()
    {
        foreach (var n in new[] { 3, 5, 10, 11 })
        {
            for (var b = 0; b <= 300; b++)
            {
                for (var a = 0; a <= 300; a += 7)
                {
                    if ((a == 0 && b == 0) || (a == b && n % 2 == 0))
                    {
                        continue; // no sizes; equal sizes with an even n (the documented exception)
                    }

                    var bid = b * 0.1234m;
                    var ask = a * 0.1234m;
                    Assert.Equal(n - 1 - MicroPrice.Bucket(bid, ask, n), MicroPrice.Bucket(ask, bid, n));
                }
            }
        }

        Assert.Equal(-1, MicroPrice.Bucket(0m, 0m, 5));
    }

    [Fact]
    public void OffsetBps_IsGTimesTickOverMid()
    {
        // ETH 4285.4 / 4285.5 (spread 1 tick of 0.1), bid 90 vs ask 10: I = 0.9 → bucket 4 (of 5), G = +0.4 tick.
        // mid 4285.45; offset = 0.4 × 0.1 / 4285.45 × 10⁴ = 0.093339 bps: the fair value sits above the mid.
        var top = new TopOfBook(4285.4m, 90m, 4285.5m, 10m);
        Assert.Equal(0.4, Table.AdjustmentTicks(top, 0.1m), 12);
        Assert.Equal(0.093339, Table.OffsetBps(top, 0.1m), 6);

        // Spread of 2 ticks, bid 1 vs ask 3: I = 0.25 → bucket 1, G = −0.3 tick: below the mid.
        Assert.Equal(-0.3, Table.AdjustmentTicks(new TopOfBook(4285.4m, 1m, 4285.6m, 3m), 0.1m), 12);
    }

    [Fact]
    public void OutsideTheTable_TheCentreIsTheMid()
    {
        Assert.Equal(0.0, Table.OffsetBps(new TopOfBook(4285.4m, 90m, 4285.7m, 10m), 0.1m)); // 3 ticks: no row
        Assert.Equal(0.0, Table.OffsetBps(new TopOfBook(4285.4m, 0m, 4285.5m, 0m), 0.1m));   // no sizes
        Assert.Equal(0.0, Table.OffsetBps(new TopOfBook(0m, 0m, 4285.5m, 10m), 0.1m));        // one-sided
    }

    [Fact]
    public void Check_NamesWhatIsWrong()
    {
        Assert.Contains("at least one row", MicroPriceTable.Check([]));
        Assert.Contains("at least 2 imbalance buckets", MicroPriceTable.Check([[0.1]]));
        Assert.Contains("row 2 (spread 2 ticks) has 2 values, row 1 has 3", MicroPriceTable.Check([[0, 0, 0], [0, 0]]));
        Assert.Contains("within ±100", MicroPriceTable.Check([[0, 101]]));
        Assert.Contains("finite", MicroPriceTable.Check([[0, double.NaN]]));
        Assert.Null(MicroPriceTable.Check([[-1, 1]]));
        Assert.Throws<ArgumentException>(() => MicroPriceTable.Create([[0, 0], [0]]));
    }
}
