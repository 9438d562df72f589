using HyperMM.Cli.Tests.EndToEnd;

namespace HyperMM.Cli.Tests.Safety;

/// <summary>
/// A restart right after kill -9 meets the venue's per-IP weight window still full from the dead run. Against a real
/// <c>hypermm exchange</c> with a smaller window (600 weight per minute instead of 1,200: one run's start-up, about
/// 375, fits; two within a minute do not) every strategy must wait, say so, and start: none may end "failed after 3
/// attempts: HTTP 429".
/// </summary>
public sealed class RateLimitedRestartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hypermm-restart-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RestartAfterKill9_UnderAFullWeightWindow_WaitsSaysSoAndStartsAllThree()
    {
        using var venue = await ExchangeProcess.StartAsync(ipWeightPerMinute: 600);
        var environment = new Dictionary<string, string> { ["HYPERMM_STATE_DIR"] = Path.Combine(_folder, "state") };
        string[] run = ["run", "--network", "local", "--exchange-url", venue.Url.ToString(), "--keys-file", venue.KeysFile, "--config", HypermmProcess.ShippedConfig,
            "--db", Path.Combine(_folder, "j.db"), "--log-dir", Path.Combine(_folder, "logs"), "--plain", "--no-watchdog"];

        using (var first = HypermmProcess.Start(run, environment: environment))
        {
            // Watched through its status lines, not by asking the venue: the test's own queries would spend the same IP's weight.
            Assert.True(await StartedEverywhereAsync(first, TimeSpan.FromSeconds(240)), "the first run never quoted everywhere: " + first.Transcript);
            first.Process.Kill(); // kill -9: its orders stay, and so does the weight it spent
            await first.Process.WaitForExitAsync();
        }

        using var second = HypermmProcess.Start(run, environment: environment);
        Assert.True(await second.WaitForTextAsync("rate limited by the venue", TimeSpan.FromSeconds(60)), "the restart never met the limit: " + second.Transcript);
        var started = await StartedEverywhereAsync(second, TimeSpan.FromSeconds(240));
        Assert.True(started, "not every strategy started after waiting: " + second.Transcript);
        Assert.DoesNotContain("failed after", second.Transcript, StringComparison.Ordinal);

        await second.SignalAsync("INT");
        var exit = await second.WaitForExitAsync(TimeSpan.FromSeconds(240));
        Assert.True(exit == 0, $"exit {exit}: {second.Transcript}");
        Assert.Contains("3 of 3 strategies ran, 0 orders left", second.Transcript, StringComparison.Ordinal);

        // Whatever the killed run left was reconciled away: nothing of ours rests anywhere (one query, waiting its turn).
        Assert.Equal(new[] { 0, 0, 0 }, await venue.OpenOrderCountsAsync());
        var notes = NotesOf(Path.Combine(_folder, "j.db"), 2);
        Assert.DoesNotContain(notes, n => n.Level == "error");
    }

    /// <summary>Each strategy printed a status line that shows it quoting (its start-up, reconciliation included, is over).</summary>
    private static async Task<bool> StartedEverywhereAsync(HypermmProcess run, TimeSpan deadline)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        while (DateTimeOffset.UtcNow < until && !run.Process.HasExited)
        {
            var text = run.Transcript;
            if (ExchangeProcess.Strategies.All(s => text.Contains($"{s}: Quoting", StringComparison.Ordinal) || text.Contains($"{s}: FillPressure", StringComparison.Ordinal)))
            {
                return true;
            }

            await Task.Delay(500);
        }

        return false;
    }

    private static IReadOnlyList<HyperMM.Journal.NoteEntry> NotesOf(string db, long runId)
    {
        using var journal = new HyperMM.Journal.JournalReader(db);
        return journal.Notes([runId]);
    }
}
