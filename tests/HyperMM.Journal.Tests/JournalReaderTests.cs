using HyperMM.Core.Accounting;
using HyperMM.Core.Primitives;
using HyperMM.Core.Strategy;
using HyperMM.Core.Trading;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace HyperMM.Journal.Tests;

/// <summary>The reader's named queries: run filters, the newest-n tails (returned oldest first), problem notes, refusals, backfill.</summary>
public sealed class JournalReaderTests : IDisposable
{
    private const long T0 = 1_764_547_200_000;
    private const string Account = "0x00000000000000000000000000000000000000aa";
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hypermm-reader-{Guid.NewGuid():N}", "hypermm.db");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(T0));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
    }

    private static Fill Fill(long tid, long timeMs) =>
        new(new Coin("ETH"), tid, new OrderId(7), null, tid % 2 == 0 ? Side.Sell : Side.Buy, 2000m + tid, 0.01m, 0.001m, timeMs, false, 0m, 0m, null);

    /// <summary>Run 1: fills 1..3 (t0+1s..3s) and a historical fill 4; notes info/warn/error. Run 2: fill 5, an order rejected and a cancel failed.</summary>
    private async Task WriteTwoRuns()
    {
        await using (var run1 = JournalWriter.Open(_path, _time, "local", "live", ["s"]))
        {
            run1.RegisterAccount("s", Account);
            for (var tid = 1; tid <= 3; tid++)
            {
                run1.Enqueue(new FillEntry("s", Account, Fill(tid, T0 + (tid * 1000)), new FillBooking(false, tid * 0.01m, 2000m, false, tid, T0 + (tid * 1000)), T0));
            }

            run1.Enqueue(new FillEntry("s", Account, Fill(4, T0 + 500), new FillBooking(true, 0m, 2000m, false, 0, T0 + 500), T0));
            run1.Enqueue(new NoteEntry("s", T0 + 1000, "info", "started"));
            run1.Enqueue(new NoteEntry("s", T0 + 2000, "warn", "slow"));
            run1.Enqueue(new NoteEntry("s", T0 + 3000, "error", "broken"));
            await run1.EndRunAsync("test");
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        await using var run2 = JournalWriter.Open(_path, _time, "local", "live", ["s"]);
        run2.Enqueue(new FillEntry("s", Account, Fill(5, T0 + 61_000), new FillBooking(false, 0.05m, 2000m, false, 1, T0 + 61_000), T0));
        var request = new OrderRequest(new Coin("ETH"), Side.Buy, 1999m, 0.01m, TimeInForce.Alo, false, null);
        run2.Enqueue(new OrderEntry("s", T0 + 62_000, "place", null, null, request, "rejected", RejectReason.PostOnlyWouldCross, "would cross"));
        run2.Enqueue(new OrderEntry("s", T0 + 63_000, "cancel", null, 9, null, "failed", RejectReason.None, null));
        await run2.EndRunAsync("test");
    }

    [Fact]
    public async Task Fills_FilterByRun_BookedOnly_AndTheNewestTailComesBackOldestFirst()
    {
        await WriteTwoRuns();
        using var reader = new JournalReader(_path);
        Assert.Equal([4L, 1, 2, 3, 5], reader.Fills().Select(f => f.Fill.TradeId)); // venue time order, every run
        Assert.Equal([1L, 2, 3], reader.Fills("s", [1], bookedOnly: true).Select(f => f.Fill.TradeId));
        Assert.Equal([3L, 5], reader.Fills("s", bookedOnly: true, newest: 2).Select(f => f.Fill.TradeId));
        Assert.Empty(reader.Fills("s", []));
        Assert.Equal([2L, 3], reader.Fills("s", [1], fromMs: T0 + 2000, toMs: T0 + 3000).Select(f => f.Fill.TradeId));
        Assert.Equal("A", reader.Fills("s", [1])[2].SideCode); // tid 2 is a sell
    }

    [Fact]
    public async Task Notes_ProblemsOnly_AndFailures_OfTheSelectedRuns()
    {
        await WriteTwoRuns();
        using var reader = new JournalReader(_path);
        Assert.Equal(["started", "slow", "broken"], reader.Notes([1]).Select(n => n.Message));
        Assert.Equal(["slow", "broken"], reader.Notes([1], problemsOnly: true).Select(n => n.Message));
        Assert.Equal(["broken"], reader.Notes(null, problemsOnly: true, newest: 1).Select(n => n.Message));
        Assert.Empty(reader.Failures([1]));
        var failures = reader.Failures([2]);
        Assert.Equal([("place", "PostOnlyWouldCross", "would cross"), ("cancel", "Unknown", "")], failures.Select(f => (f.Action, f.Reason, f.Message)));
    }

    [Fact]
    public async Task Fingerprint_ChangesWhenARowIsAdded()
    {
        await WriteTwoRuns();
        string before;
        using (var reader = new JournalReader(_path))
        {
            before = reader.Fingerprint();
        }

        JournalWriter.AppendNote(_path, 2, new NoteEntry("watchdog", T0 + 70_000, "warn", "no heartbeat"));
        using var again = new JournalReader(_path);
        Assert.NotEqual(before, again.Fingerprint());
        Assert.Equal("no heartbeat", again.Notes([2])[^1].Message);
    }

    [Fact]
    public async Task BackfillPoint_IsTheNewestFillOfTheAccountOnTheCoin_ElseTheFirstRunOfTheStrategy_ElseNothing()
    {
        Assert.Null(BackfillPoint.Find(_path, "s", Account, "ETH")); // no journal yet
        await WriteTwoRuns();
        Assert.Equal(T0 + 61_000, BackfillPoint.Find(_path, "s", Account, "ETH"));
        Assert.Equal(T0, BackfillPoint.Find(_path, "s", "0xbb", "ETH"));          // no fill of that account: run 1's start
        Assert.Null(BackfillPoint.Find(_path, "other", "0xbb", "ETH"));
    }

    [Fact]
    public async Task AQueryThatFails_IsAJournalExceptionNamingTheFile_NotARawSqliteError()
    {
        await WriteTwoRuns();
        using var reader = new JournalReader(_path);
        using (var other = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            other.Open();
            using var drop = other.CreateCommand();
            drop.CommandText = "DROP TABLE notes";
            drop.ExecuteNonQuery();
        }

        var error = Assert.Throws<JournalException>(() => reader.Notes());
        Assert.StartsWith($"journal {_path} cannot be used (", error.Message, StringComparison.Ordinal);
        Assert.Contains("no such table: notes", error.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(error.InnerException);
    }
}
