using System.Diagnostics;
using HyperMM.Journal;
using HyperMM.Cli.Tests.EndToEnd;
using HyperMM.LocalExchange;

namespace HyperMM.Cli.Tests.Safety;

/// <summary>
/// The watchdog acts on silence, not only on a closed pipe: a real watchdog process fed one heartbeat and then
/// nothing, and a real trading process frozen with SIGSTOP against a real exchange process.
/// </summary>
public sealed class WatchdogEndToEndTests
{
    [Fact]
    public async Task OneHeartbeatThenSilence_TheWatchdogCancelsAfterTheTimeout_AndNotesItInTheJournal()
    {
        await using var venue = await LocalRehearsal.StartAsync(new LocalExchangeOptions { IpWeightPerMinute = 0 });
        var (eth, runId) = await TwoEthOrdersAndARunAsync(venue);

        // What '(echo hb; sleep 40) | hypermm watchdog --timeout-seconds 3' does: one beat, then an open but silent pipe.
        using var watchdog = StartWatchdog(venue, runId);
        var started = Stopwatch.StartNew();
        await watchdog.Process.StandardInput.WriteLineAsync("hb");
        await watchdog.Process.StandardInput.FlushAsync();
        var beat = started.Elapsed;

        Assert.True(await watchdog.WaitForTextAsync("none left", TimeSpan.FromSeconds(40)), "the watchdog did not act on silence: " + watchdog.Transcript);
        var acted = started.Elapsed;
        Assert.False(watchdog.Process.HasExited, "the watchdog must act while the pipe is still open: " + watchdog.Transcript);
        Assert.True(acted - beat >= TimeSpan.FromSeconds(3), $"acted {acted - beat} after the heartbeat, before the 3 s timeout");
        Assert.True(acted < TimeSpan.FromSeconds(3 + 10), $"acted only {acted} after starting (timeout 3 s + start-up and sweep)");
        Assert.Contains("no heartbeat for 3 s", watchdog.Transcript, StringComparison.Ordinal);
        Assert.Contains("mm_eth_perp: cancelled 2 order(s)", watchdog.Transcript, StringComparison.Ordinal);
        Assert.Empty(await venue.Info.OpenOrdersAsync(venue.MasterOf(eth), default));

        // The journal is written after the cancels and the lines on stderr (a frozen engine may hold its lock): wait for it.
        var noted = await EventuallyAsync(() => NotesOf(venue.DatabasePath, runId).Any(n => n.Strategy == "mm_eth_perp"
            && n.Message.Contains("no heartbeat for 3 s", StringComparison.Ordinal) && n.Message.Contains("cancelled 2 order(s)", StringComparison.Ordinal)), TimeSpan.FromSeconds(10));
        Assert.True(noted, "the sweep was not noted in the journal: " + watchdog.Transcript);

        watchdog.Process.StandardInput.Close(); // the pipe closes: "parent died", sweep again (nothing left) and exit
        Assert.Equal(0, await watchdog.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("the engine died", watchdog.Transcript, StringComparison.Ordinal);
    }

    /// <summary>
    /// A frozen engine can hold the journal's write lock (SIGSTOP in the middle of a write). The watchdog's cancels must
    /// not wait for it: the orders go at the timeout, the notes wait, and they reach the journal once the lock is free.
    /// </summary>
    [Fact]
    public async Task JournalLockedByTheFrozenEngine_TheWatchdogStillCancelsAtTheTimeout_AndWritesItsNotesWhenTheLockFrees()
    {
        await using var venue = await LocalRehearsal.StartAsync(new LocalExchangeOptions { IpWeightPerMinute = 0 });
        var (eth, runId) = await TwoEthOrdersAndARunAsync(venue);

        // The engine's part: a write transaction left open, as a process stopped in the middle of one leaves it.
        var held = JournalWriter.OpenConnection(venue.DatabasePath, readOnly: false);
        using (var begin = held.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            begin.ExecuteNonQuery();
        }

        using var watchdog = StartWatchdog(venue, runId);
        var started = Stopwatch.StartNew();
        try
        {
            await watchdog.Process.StandardInput.WriteLineAsync("hb");
            await watchdog.Process.StandardInput.FlushAsync();

            Assert.True(await watchdog.WaitForTextAsync("none left", TimeSpan.FromSeconds(40)), "the watchdog did not act on silence: " + watchdog.Transcript);
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(3 + 10), $"acted only {started.Elapsed} after starting (timeout 3 s + start-up and sweep), with the journal locked");
            Assert.Empty(await venue.Info.OpenOrdersAsync(venue.MasterOf(eth), default));
            Assert.True(await watchdog.WaitForTextAsync("the journal is locked", TimeSpan.FromSeconds(20)), "the watchdog did not say its notes wait: " + watchdog.Transcript);
        }
        finally
        {
            held.Dispose(); // the engine resumes (or dies): its transaction ends and the lock is free
        }

        watchdog.Process.StandardInput.Close(); // the pipe closes: sweep again, write the kept notes, exit
        Assert.Equal(0, await watchdog.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var notes = NotesOf(venue.DatabasePath, runId).Select(n => n.Message).ToList();
        var cancelling = notes.FindIndex(n => n.Contains("no heartbeat for 3 s", StringComparison.Ordinal) && n.Contains("cancelling the orders", StringComparison.Ordinal));
        var cancelled = notes.FindIndex(n => n.Contains("cancelled 2 order(s)", StringComparison.Ordinal));
        Assert.True(cancelling >= 0 && cancelled > cancelling, "the kept notes reached the journal, in order: " + string.Join(" | ", notes));
    }

    [Fact]
    public async Task SigstopOfARealRun_TheWatchdogCancelsEveryOrderWithinTimeoutPlusFiveSeconds_ThenTheRunResumesAndStopsClean()
    {
        using var venue = await ExchangeProcess.StartAsync();
        var db = Path.Combine(venue.Folder, "hypermm.db");
        using var run = HypermmProcess.Start(
            ["run", "--network", "local", "--exchange-url", venue.Url.ToString(), "--keys-file", venue.KeysFile, "--config", HypermmProcess.ShippedConfig,
             "--db", db, "--log-dir", Path.Combine(venue.Folder, "logs"), "--plain", "--watchdog-timeout", "3"]);
        Assert.True(await venue.WaitForOrdersAsync(c => c.All(n => n > 0), TimeSpan.FromSeconds(90)), "the strategies never all rested orders: " + run.Transcript);

        await run.SignalAsync("STOP");
        var frozen = Stopwatch.StartNew();
        var cleared = await venue.WaitForOrdersAsync(c => c.All(n => n == 0), TimeSpan.FromSeconds(30));
        var took = frozen.Elapsed;
        Assert.True(cleared, "orders still resting 30 s after SIGSTOP: " + run.Transcript);
        Assert.True(took <= TimeSpan.FromSeconds(3 + 5), $"orders cleared {took} after SIGSTOP, more than the 3 s timeout + 5 s");

        await run.SignalAsync("CONT");
        Assert.True(await venue.WaitForOrdersAsync(c => c.All(n => n > 0), TimeSpan.FromSeconds(60)), "the run did not quote again after SIGCONT: " + run.Transcript);
        await run.SignalAsync("INT");
        var exit = await run.WaitForExitAsync(TimeSpan.FromSeconds(90));
        Assert.True(exit == 0, $"exit {exit}: {run.Transcript}");
        var left = await venue.OpenOrderCountsAsync();
        Assert.Equal(new[] { 0, 0, 0 }, left);
        Assert.Contains("heartbeats resumed", run.Transcript, StringComparison.Ordinal);

        var notes = NotesOf(db, 1);
        foreach (var strategy in ExchangeProcess.Strategies)
        {
            Assert.Contains(notes, n => n.Strategy == strategy && n.Message.StartsWith("watchdog (no heartbeat for 3 s", StringComparison.Ordinal));
        }
    }

    /// <summary>Two resting orders of mm_eth_perp and an ended journal run for the watchdog to note into.</summary>
    private static async Task<(HyperMM.Core.Model.StrategyParameters Eth, long RunId)> TwoEthOrdersAndARunAsync(LocalRehearsal venue)
    {
        var eth = venue.Strategies.First(s => s.Name == "mm_eth_perp");
        await OwnOrders.PlaceAsync(venue.Exchange.BaseUrl, venue.Accounts[venue.Strategies.ToList().IndexOf(eth)], eth.Name, eth.Coin, 2);
        await using var journal = JournalWriter.Open(venue.DatabasePath, TimeProvider.System, "local", "live", ["mm_eth_perp"]);
        await journal.EndRunAsync("test");
        return (eth, journal.RunId);
    }

    /// <summary>A real watchdog process for mm_eth_perp with a 3 s timeout, its standard input a pipe the test writes.</summary>
    private static HypermmProcess StartWatchdog(LocalRehearsal venue, long runId) => HypermmProcess.Start(
        ["watchdog", "--network", "local", "--exchange-url", venue.Exchange.BaseUrl.ToString(), "--keys-file", venue.KeysFile, "--config", HypermmProcess.ShippedConfig,
         "--strategy", "mm_eth_perp", "--timeout-seconds", "3", "--db", venue.DatabasePath, "--run-id", runId.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        pipeInput: true);

    private static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan within)
    {
        var until = Stopwatch.StartNew();
        while (!condition())
        {
            if (until.Elapsed > within)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    private static IReadOnlyList<NoteEntry> NotesOf(string db, long runId)
    {
        using var journal = new JournalReader(db);
        return journal.Notes([runId]);
    }
}
