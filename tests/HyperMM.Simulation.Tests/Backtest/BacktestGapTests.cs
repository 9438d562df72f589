using HyperMM.Core.Accounting;
using HyperMM.Core.Market;
using HyperMM.Simulation.Backtest;
using HyperMM.Simulation.Market;
using HyperMM.TestSupport;

namespace HyperMM.Simulation.Tests.Backtest;

/// <summary>
/// Issue 11 item 5, gaps: two slices of the real ETH recording (§1), the second re-timed 24 h later, written as one
/// recording in the project's format. Replayed as one stretch, the position held at the gap is carried across it and
/// revalued at the mid a day later, and the fill-pressure clock runs through the day; split at the gap (the default,
/// --max-gap 60 s), each segment starts flat with a fresh strategy and nothing crosses the gap.
/// </summary>
public sealed class BacktestGapTests : IDisposable
{
    private const string HlData = "data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data";
    private const long Day = 86_400_000;
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hypermm-gap-{Guid.NewGuid():N}.jsonl.gz");
    private readonly IReadOnlyList<MarketEvent> _events;
    private readonly long _gapAfterMs;

    public BacktestGapTests()
    {
        var all = HlCsvReader.Read(Path.Combine(SharedData.RootPath, HlData), TestStrategies.Eth.Coin);
        var t0 = all[0].TimeMs;
        var first = all.Where(e => e.TimeMs < t0 + 600_000).ToList();                              // minutes 0-10
        var second = all.Where(e => e.TimeMs >= t0 + 900_000 && e.TimeMs < t0 + 1_500_000).ToList(); // minutes 15-25
        _gapAfterMs = first[^1].TimeMs;
        using (var writer = RecordingWriter.Create(_path))
        {
            foreach (var (e, shift) in first.Select(e => (e, 0L)).Concat(second.Select(e => (e, Day))))
            {
                if (e.Kind == MarketEventKind.Book)
                {
                    var b = e.Book!;
                    writer.WriteBook(e.TimeMs + shift, new OrderBookSnapshot(b.Coin, b.TimeMs + shift, [.. b.Bids], [.. b.Asks]));
                }
                else
                {
                    writer.WriteTrades(e.TimeMs + shift, [e.Trade with { TimeMs = e.Trade.TimeMs + shift }]);
                }
            }
        }

        _events = MarketDataLoader.Load(_path, TestStrategies.Eth.Coin);
    }

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Gap_SplitsIntoSegments_EachStartsFlat_AndNothingIsCarriedAcross()
    {
        var eth = TestStrategies.Eth;
        var whole = BacktestSession.Run(eth, TestStrategies.EthSpec, _events, new BacktestOptions { MaxGap = null });
        var split = BacktestSession.Run(eth, TestStrategies.EthSpec, _events);

        // One stretch: the position at the gap is revalued a day later, and the day counts as fill pressure.
        var wholeWindow = Assert.Single(whole.Segments).Window;
        var beforeGap = wholeWindow.Entries.Last(e => e.TimeMs <= _gapAfterMs);
        var afterGap = wholeWindow.Entries.First(e => e.TimeMs > _gapAfterMs + 60_000);
        Assert.NotEqual(0m, beforeGap.Position); // the test means something only if inventory is held at the gap
        var carried = beforeGap.Position * (afterGap.Mid - beforeGap.Mid);
        Assert.NotEqual(0m, carried);
        Assert.True(whole.Figures.WindowMs > Day);
        Assert.True(whole.Figures.FillPressureFraction > 0.95, $"fill pressure {whole.Figures.FillPressureFraction:P1}");

        // Split: two segments, each opened flat at its own first event, and the total is their sum.
        Assert.Equal(2, split.Segments.Count);
        var (one, two) = (split.Segments[0], split.Segments[1]);
        Assert.Equal(_events[0].TimeMs, one.StartMs);
        Assert.Equal(_events.First(e => e.TimeMs > _gapAfterMs).TimeMs, two.StartMs);
        Assert.True(two.StartMs > _gapAfterMs + Day - 60_000);
        Assert.True(two.Window.OpenedMs >= two.StartMs);
        Assert.All(two.Window.Entries.TakeWhile(e => e.Kind != LedgerEntryKind.Fill), e => Assert.Equal(0m, e.Position));
        Assert.True(two.Window.Entries.All(e => e.TimeMs > _gapAfterMs + Day - 1));
        Assert.Equal(0, one.Figures.Adjustments + two.Figures.Adjustments);
        // Segment 1's position is valued at its own last mid, never at a mid from after the gap.
        Assert.Equal(one.Window.Entries[^1].Mid, one.Figures.Mark);
        Assert.Equal(LedgerFigures.Combine([one.Figures, two.Figures]), split.Figures);
        Assert.Equal(one.Figures.WindowMs + two.Figures.WindowMs, split.Figures.WindowMs);
        Assert.True(split.Figures.WindowMs < Day / 24, "the gap is not part of any window");
        Assert.True(split.Figures.FillPressureFraction < 0.9, $"fill pressure {split.Figures.FillPressureFraction:P1}");
        Assert.Contains(split.Notes, n => n.Contains("split into 2 segments", StringComparison.Ordinal));
        // Each part's figures replay from what its ledger booked.
        Assert.Equal(one.Figures, one.Window.Figures());
        Assert.Equal(two.Figures, two.Window.Figures());
    }

    [Fact]
    public void ShortSegment_IsSkippedWithANote()
    {
        var t = _events[0].TimeMs;
        var events = _events.Where(e => e.TimeMs < t + 5_000).Concat(_events.Where(e => e.TimeMs > t + 120_000 && e.TimeMs < t + 400_000)).ToList();

        var result = BacktestSession.Run(TestStrategies.Eth, TestStrategies.EthSpec, events);

        Assert.Equal(2, result.Segments.Count);
        Assert.NotNull(result.Segments[0].Skipped);
        Assert.Null(result.Segments[1].Skipped);
        Assert.Equal(result.Segments[1].Figures, result.Figures);
        Assert.Contains(result.Notes, n => n.Contains("segment 1: skipped", StringComparison.Ordinal));
    }
}
