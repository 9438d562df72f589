using HyperMM.Core.Accounting;
using HyperMM.Core.Primitives;
using HyperMM.Core.Strategy;
using HyperMM.Core.Trading;
using Microsoft.Extensions.Time.Testing;

namespace HyperMM.Journal.Tests;

public sealed class JournalWriterTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hypermm-journal-{Guid.NewGuid():N}", "hypermm.db");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_757_015_216_000));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
    }

    private static Fill Fill(long tid, Side side, decimal px, decimal sz, decimal fee = 0.0064m) =>
        new(new Coin("ETH"), tid, new OrderId(77), Cloid.Parse("0x9bf727d9000000070000000000000001"), side, px, sz, fee, 1_757_015_220_123, false, 0m, 0m, "0xabc");

    [Fact]
    public async Task Fills_ReportedTwice_AreStoredOnceWithExactDecimals()
    {
        await using (var writer = JournalWriter.Open(_path, _time, "local", "live", ["mm_eth_perp"]))
        {
            writer.RegisterAccount("mm_eth_perp", "0x00000000000000000000000000000000000000aa");
            var observer = new JournalObserver(writer, _time);
            observer.OnFill("mm_eth_perp", Fill(1, Side.Buy, 4283.9m, 0.0047m), new FillBooking(false, 0.0047m, 4285.5m, false, 1, 1_757_015_220_200));
            observer.OnFill("mm_eth_perp", Fill(1, Side.Buy, 4283.9m, 0.0047m), new FillBooking(true, 0.0047m, 4285.5m, false, 0, 1_757_015_220_300)); // same tid: snapshot/backfill
            observer.OnFill("mm_eth_perp", Fill(2, Side.Sell, 4287.1m, 0.01m), new FillBooking(false, -0.0053m, 4285.6m, true, 2, 1_757_015_220_400));
            await writer.EndRunAsync("test");
        }

        using var reader = new JournalReader(_path);
        var fills = reader.Fills("mm_eth_perp");
        Assert.Equal([1L, 2L], fills.Select(f => f.Fill.TradeId));
        Assert.Equal(4283.9m, fills[0].Fill.Price);
        Assert.Equal(0.0047m, fills[0].Fill.Size);
        Assert.Equal(0.0064m, fills[0].Fill.Fee);
        Assert.False(fills[0].Historical); // the first report wins
        Assert.Equal(-0.0053m, fills[1].PositionAfter);
        Assert.Equal(4285.5m, fills[0].MidAtFill);
        Assert.True(fills[1].MidStale);
        Assert.Equal(Side.Sell, fills[1].Fill.Side);
        Assert.Equal(1_757_015_220_123, reader.LastFillTime("0x00000000000000000000000000000000000000aa", "ETH"));
    }

    [Fact]
    public async Task FlushedFills_AreReadableWhileTheWriterIsStillOpen_AsAfterAKill()
    {
        var writer = JournalWriter.Open(_path, _time, "local", "live", ["mm_eth_perp"]);
        writer.RegisterAccount("mm_eth_perp", "0xaa");
        new JournalObserver(writer, _time).OnFill("mm_eth_perp", Fill(9, Side.Buy, 4000m, 0.01m), new FillBooking(false, 0.01m, 4000.05m, false, 1, 1_757_015_220_200));
        await writer.FlushAsync();

        // No EndRun, no Dispose: another connection (a restarted process) sees the committed fill.
        using (var reader = new JournalReader(_path))
        {
            Assert.Single(reader.Fills());
        }

        await writer.DisposeAsync();
    }

    [Fact]
    public async Task Snapshots_AreThrottledButModeChangesAlwaysWritten()
    {
        await using (var writer = JournalWriter.Open(_path, _time, "local", "live", ["s"]))
        {
            var observer = new JournalObserver(writer, _time, snapshotIntervalMs: 5_000);
            StrategyStatus Status(long t, StrategyMode mode) => new("s", "ETH", t, mode, null, 0m, 0.2m, 0m, 0m, new TradeLedger(0).Figures(t), null);
            observer.OnStatus(Status(0, StrategyMode.Quoting));       // written (first)
            observer.OnStatus(Status(1_000, StrategyMode.Quoting));   // throttled
            observer.OnStatus(Status(2_000, StrategyMode.StaleData)); // written (mode change)
            observer.OnStatus(Status(8_000, StrategyMode.StaleData)); // written (interval)
            observer.OnStatus(Status(8_500, StrategyMode.Stopped));   // written (final)
            await writer.EndRunAsync("test");
        }

        using var connection = JournalWriter.OpenConnection(_path, readOnly: true);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM snapshots";
        Assert.Equal(4L, (long)cmd.ExecuteScalar()!);
    }

    [Fact]
    public async Task Runs_RecordStartAndEnd()
    {
        await using (var writer = JournalWriter.Open(_path, _time, "testnet", "live", ["a", "b"]))
        {
            _time.Advance(TimeSpan.FromMinutes(3));
            await writer.EndRunAsync("ctrl-c");
        }

        using var connection = JournalWriter.OpenConnection(_path, readOnly: true);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT network, strategies, ended_ms - started_ms, end_reason FROM runs";
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal("testnet", r.GetString(0));
        Assert.Equal("a,b", r.GetString(1));
        Assert.Equal(180_000L, r.GetInt64(2));
        Assert.Equal("ctrl-c", r.GetString(3));
    }

    [Fact]
    public async Task Quotes_KeepAnyModelsCentreTermsAndEveryOrder()
    {
        // A two-level quote with one level at the cap; the table keeps what every model has plus the decomposition.
        var bid0 = new Core.Model.SideQuote(Side.Buy, 4283.36m, 4283.36m, 4283.3m, 0.01, 0.01m, TimeInForce.Alo, false, false, Core.Model.SideQuoteStatus.Quoted);
        var bid1 = new Core.Model.SideQuote(Side.Buy, 4281.21m, 4281.21m, 4281.2m, 0.01, 0m, TimeInForce.Alo, false, false, Core.Model.SideQuoteStatus.AtCap) { Level = 1 };
        var ask0 = new Core.Model.SideQuote(Side.Sell, 4285.0m, 4285.6m, 4285.6m, 0.01, 0.01m, TimeInForce.Gtc, true, true, Core.Model.SideQuoteStatus.Quoted);
        var quote = new Core.Model.ModelQuote(4285.5m, 4284.643m, 10.0, 7.5, 2, 48.6, 0.9, [bid0, bid1, ask0],
            [new("centreBps", "centre", -2.0), new("levels", "levels", 2)]);
        await using (var writer = JournalWriter.Open(_path, _time, "local", "live", ["s"]))
        {
            new JournalObserver(writer, _time).OnQuote("s", 1_757_015_220_000, quote, new RequotePlan());
            await writer.EndRunAsync("test");
        }

        using var connection = JournalWriter.OpenConnection(_path, readOnly: true);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT reservation_bps, raw_spread_bps, spread_bps, stage, bid_px, ask_px, fair_value, terms, orders FROM quotes";
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        // centre 4284.643 vs mid 4285.5: (4284.643 - 4285.5) / 4285.5 × 10^4 = -1.99976 bps
        Assert.Equal(-1.99976, r.GetDouble(0), 4);
        Assert.Equal((10.0, 7.5, 2L), (r.GetDouble(1), r.GetDouble(2), r.GetInt64(3)));
        Assert.Equal(("4283.3", "4285.6", "4284.643"), (r.GetString(4), r.GetString(5), r.GetString(6)));
        Assert.Equal("centreBps=-2;levels=2", r.GetString(7));
        Assert.Equal("B 0 4283.3 0.01 Alo -;B 1 4281.2 0/AtCap Alo -;A 0 4285.6 0.01 Gtc rx", r.GetString(8));
    }
}
