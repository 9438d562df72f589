using HyperMM.Cli.Hosting;
using HyperMM.Cli.Output;
using HyperMM.Core.Accounting;
using HyperMM.Core.Market;
using HyperMM.Core.Model;
using HyperMM.Core.Strategy;
using HyperMM.TestSupport;
using Spectre.Console;

namespace HyperMM.Cli.Tests.Output;

/// <summary>
/// The run table rendered to text at 120 and at 200 columns, with realistic prices (BTC above 100,000), long
/// rejection notes and a failed strategy: every line fits, every row is one line, every number is whole.
/// </summary>
public sealed class StatusTableTests
{
    private static readonly string LongNote =
        "cancel 0x000000000000000000000000000000a1: Order was never placed, already canceled, or filled. asset=0 (OrderNotFound) "
        + "while resyncing after the WebSocket stream was interrupted and restored; the venue answered in 412 ms";

    private static SlotSnapshot Slot(StrategyParameters p, decimal bid, decimal ask, decimal position, decimal pnl, int rejections, string? note = null, string? error = null)
    {
        var spec = TestStrategies.SpecFor(p);
        var quote = p.CreateModel(spec).Quote(new QuoteContext(new TopOfBook(bid, 1m, ask, 1m), null, position, 0m, 0m, new MarketStatistics(1.0, 1.0 / 60), 0.0, 0));
        var figures = new LedgerFigures
        {
            Fills = 123,
            SpreadCapture = pnl + 1.5m,
            InventoryPnl = -1.25m,
            Fees = 0.25m,
            Position = position,
            Counters = new LedgerCounters(98765, 4321, 5000, 0, 0, rejections == 0
                ? new Dictionary<string, long>()
                : new Dictionary<string, long> { ["OrderNotFound"] = rejections - 1, ["PostOnlyWouldCross"] = 1 }),
        };
        var status = new StrategyStatus(p.Name, spec.Coin.Name, 0, StrategyMode.Quoting, quote, position, p.MaxAbsPosition, 0m, 0m, figures, note);
        return new SlotSnapshot(p.Name, spec.Coin.Name, error is null ? status : null, error, 0);
    }

    private static IReadOnlyList<SlotSnapshot> Slots() =>
    [
        Slot(TestStrategies.Eth, 4299.9m, 4300.1m, -0.1234m, -12.3456m, 7, LongNote),
        Slot(TestStrategies.Btc, 109_999m, 110_001m, 0.00321m, 1234.5678m, 0),
        Slot(TestStrategies.Hype, 40.011m, 40.012m, 11.5m, -0.5m, 12, "post only order would have immediately matched"),
        Slot(TestStrategies.Eth with { Name = "mm_eth_perp_2" }, 4299.9m, 4300.1m, 0m, 0m, 0, error: "could not reach the local exchange at http://127.0.0.1:5123/: connection refused; the strategy stopped after 3 attempts"),
    ];

    private static string Render(int width, bool final)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = width;
        console.Write(StatusTable.Build(Slots(), final, width, TimeSpan.FromSeconds(3725)));
        return writer.ToString();
    }

    [Theory]
    [InlineData(120, false)]
    [InlineData(120, true)]
    [InlineData(200, false)]
    [InlineData(200, true)]
    public void Render_FitsTheWidth_OneLinePerRow_NumbersWhole(int width, bool final)
    {
        var lines = Render(width, final).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => Assert.True(l.TrimEnd('\r').Length <= width, $"{l.Length} > {width}: {l}"));
        // header, 4 strategies, total = 6 lines; any wrapped cell would add lines
        Assert.True(lines.Length == 6, "\n" + string.Join('\n', lines));

        var text = string.Join('\n', lines);
        foreach (var number in new[] { "4300", "110000", "40.0115", "98765", "-0.1234", "0.00321", "11.5" })
        {
            Assert.Contains(number, text, StringComparison.Ordinal);
        }

        // the total row: elapsed 3725 s = 1h02m, PnL summed over the three that run: (pnl + 1.5 − 1.25 − 0.25) each
        Assert.Contains("1h02m", text, StringComparison.Ordinal);
        Assert.Contains(width >= StatusTable.WideFromColumns ? "1221.7222" : "1221.72", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_At120_IsCompact_At200_AddsTheAttribution()
    {
        var narrow = Render(120, final: true);
        var wide = Render(200, final: true);
        foreach (var header in new[] { "reservation", "position / cap", "spread cap.", "inventory", "fees", "markout 10s" })
        {
            Assert.DoesNotContain(header, narrow, StringComparison.Ordinal);
            Assert.Contains(header, wide, StringComparison.Ordinal);
        }

        // quote sizes and the cap only when wide: "0.01 @ 4299.9" and "0.00321 / 0.004" cells
        Assert.Contains(" @ ", wide, StringComparison.Ordinal);
        Assert.Contains("0.00321 / 0.004", wide, StringComparison.Ordinal);
        Assert.DoesNotContain(" @ ", narrow, StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_SummariseRejectionsAsCountsPlusTheLastNote_OnOneLine()
    {
        var notes = StatusTable.Notes(Slots()[0]);
        Assert.StartsWith("7 rejected (OrderNotFound 6); last: cancel 0x", notes, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', notes);
        Assert.Equal("failed: could not reach the local exchange at http://127.0.0.1:5123/: connection refused; the strategy stopped after 3 attempts", StatusTable.Notes(Slots()[3]));
        Assert.Equal(string.Empty, StatusTable.Notes(Slots()[1]));
    }

    [Theory]
    [InlineData(42, "42s")]
    [InlineData(185, "3m05s")]
    [InlineData(7380, "2h03m")]
    public void Elapsed_IsShort(int seconds, string expected) => Assert.Equal(expected, StatusTable.Elapsed(TimeSpan.FromSeconds(seconds)));
}
