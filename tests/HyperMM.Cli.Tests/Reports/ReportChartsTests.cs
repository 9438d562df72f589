using System.Buffers.Binary;
using HyperMM.Cli.Reports;
using HyperMM.Core.Accounting;
using HyperMM.Core.Primitives;

namespace HyperMM.Cli.Tests.Reports;

public sealed class ReportChartsTests
{
    private const long T0 = TestJournal.T0;

    // PNG: 8-byte signature, then the IHDR chunk: length (4), "IHDR" (4), width (4, big-endian), height (4).
    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.Length > 24, "PNG too short");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    private static StrategyReport Sample()
    {
        var quotes = Enumerable.Range(0, 60).Select(i => new QuoteSample(T0 + (i * 1000L), 2000m + (i % 7), 1999m + (i % 7), 2001m + (i % 7), 10 + (i % 3), i is > 20 and < 30 ? QuoteSample.FillPressureMode : "Quoting")).ToList();
        var fills = new List<ReportFill>
        {
            new(T0 + 5_000, Side.Buy, 2004m, 1m, 0.2m, false, 2005m, 1m),
            new(T0 + 25_000, Side.Sell, 2005m, 1m, 0.2m, false, 2004m, 0m),
        };
        var inventory = fills.Select(f => new InventorySample(f.TimeMs, f.PositionAfter, 2m)).ToList();
        var entries = new List<LedgerEntry>();
        var seq = 0;
        foreach (var (t, mid, fill) in quotes.Select(q => (q.TimeMs, q.Mid, (ReportFill?)null)).Concat(fills.Select(f => (f.TimeMs, f.MidAtFill, (ReportFill?)f))).OrderBy(x => x.Item1))
        {
            entries.Add(fill is null
                ? new LedgerEntry(++seq, t, LedgerEntryKind.Mark, mid, 0m)
                : new LedgerEntry(++seq, t, LedgerEntryKind.Fill, mid, fill.PositionAfter, new LedgerFill(t, fill.Side, fill.Price, fill.Size, fill.Fee, fill.Taker, mid, false)));
        }

        var window = new LedgerWindow("run 1", T0, T0 + 59_000, entries, LedgerCounters.None);
        var data = new StrategyReportData("mm_eth_perp", "ETH", 1L, T0, T0 + 59_000, [window], fills, quotes, inventory);
        return ReportCalculator.Compute(data);
    }

    [Fact]
    public void EveryChart_IsANonEmptyPng_OfTheConfiguredSize()
    {
        var report = Sample();
        var charts = ReportCharts.RenderAll(report);
        Assert.Equal(4, charts.Count);
        foreach (var png in charts)
        {
            Assert.Equal((1200, 450), PngSize(png)); // ReportCharts.Width × Height, stated here independently
            Assert.True(png.Length > 10_000, $"chart only {png.Length} bytes: nothing drawn?");
        }
    }

    [Fact]
    public void Charts_WithNoData_StillRender()
    {
        var empty = ReportCalculator.Compute(new StrategyReportData("mm_btc_perp", "BTC", 1L, T0, T0, [], [], [], []));
        foreach (var png in ReportCharts.RenderAll(empty))
        {
            Assert.Equal((1200, 450), PngSize(png));
        }
    }

    [Fact]
    public void Writer_PutsPngsAndOneHtmlPageInTheFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"hypermm-charts-{Guid.NewGuid():N}");
        try
        {
            var report = Sample();
            ReportWriter.Write(new ReportData("test", "run 1", "journal", "test.db", [report.Data]), folder);
            foreach (var name in new[] { "mm_eth_perp-price.png", "mm_eth_perp-inventory.png", "mm_eth_perp-pnl.png", "mm_eth_perp-spread.png" })
            {
                Assert.Equal((1200, 450), PngSize(File.ReadAllBytes(Path.Combine(folder, name))));
            }

            var html = File.ReadAllText(Path.Combine(folder, "report.html"));
            Assert.Equal(4, html.Split("data:image/png;base64,").Length - 1);
            Assert.Contains("<td>total PnL</td>", html, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "summary.json")));
            Assert.DoesNotContain("http", html, StringComparison.Ordinal); // self-contained: nothing fetched
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
