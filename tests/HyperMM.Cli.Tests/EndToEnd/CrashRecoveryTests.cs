using System.Diagnostics;
using HyperMM.Cli.Hosting;
using HyperMM.Journal;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.EndToEnd;

/// <summary>
/// kill -9 of a trading process: its watchdog cancels the orders it left, and the next run reconciles and journals
/// every fill the venue reports, including any the killed process never wrote.
/// </summary>
public sealed class CrashRecoveryTests
{
    private static string HypermmExecutable => HypermmProcess.Executable;

    /// <summary>The shipped config made impatient the same way <see cref="LocalRehearsal.ImpatientShippedStrategies"/> is.</summary>
    private static string ImpatientConfig(string folder)
    {
        var yaml = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "config/strategies.yaml"))
            .Replace("mm_target_fill_seconds: 30", "mm_target_fill_seconds: 2", StringComparison.Ordinal)
            .Replace("pressure_step_seconds: 10", "pressure_step_seconds: 1", StringComparison.Ordinal)
            .Replace("pressure_max_steps: 3 ", "pressure_max_steps: 10 ", StringComparison.Ordinal)
            .Replace("pressure_max_steps: 6 ", "pressure_max_steps: 10 ", StringComparison.Ordinal);
        var path = Path.Combine(folder, "strategies.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public async Task KillMinus9_WatchdogCancelsOrders_NextRunJournalsEveryVenueFill()
    {
        // The test polls the venue four times a second; with the per-IP weight limit on, its own polling (not the
        // trader) would be throttled, so the limit is off here (LocalExchange tests cover it).
        await using var venue = await LocalRehearsal.StartAsync(new LocalExchange.LocalExchangeOptions { IpWeightPerMinute = 0 });
        var start = new ProcessStartInfo(HypermmExecutable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true, // both drained below, so a full pipe never blocks the trader
            UseShellExecute = false,
        };
        foreach (var a in new[] { "run", "--network", "local", "--exchange-url", venue.Exchange.BaseUrl.ToString(), "--keys-file", venue.KeysFile,
                     "--config", ImpatientConfig(venue.Folder), "--db", venue.DatabasePath, "--log-dir", Path.Combine(venue.Folder, "logs"), "--plain" })
        {
            start.ArgumentList.Add(a);
        }

        using var trader = Process.Start(start)!;
        var errors = new System.Text.StringBuilder();
        trader.OutputDataReceived += (_, _) => { };
        trader.ErrorDataReceived += (_, e) => { lock (errors) { errors.AppendLine(e.Data); } };
        trader.BeginOutputReadLine();
        trader.BeginErrorReadLine();
        var masters = venue.Strategies.Select(venue.MasterOf).ToList();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        var restingEverywhere = false;
        var someFill = false;
        while (DateTimeOffset.UtcNow < deadline && !(restingEverywhere && someFill) && !trader.HasExited)
        {
            await Task.Delay(250);
            var open = await Task.WhenAll(masters.Select(m => venue.Info.OpenOrdersAsync(m, default)));
            restingEverywhere = open.All(o => o.Count > 0);
            someFill = (await Task.WhenAll(masters.Select(m => venue.Info.UserFillsAsync(m, default)))).Any(f => f.Count > 0);
        }

        Assert.False(trader.HasExited, "the trading process ended early: " + errors);
        Assert.True(restingEverywhere && someFill, "no resting orders on every account plus a fill within 60 s");

        trader.Kill(entireProcessTree: false); // SIGKILL: no shutdown code runs in the trading process
        await trader.WaitForExitAsync();

        var cleared = false;
        for (var i = 0; i < 80 && !cleared; i++)
        {
            await Task.Delay(250);
            cleared = (await Task.WhenAll(masters.Select(m => venue.Info.OpenOrdersAsync(m, default)))).All(o => o.Count == 0);
        }

        Assert.True(cleared, "the watchdog did not cancel the killed process's orders within 20 s");

        var session = new RunSession(venue.Settings(TimeSpan.FromSeconds(6)) with { Watchdog = false }, VenueConnectors.CreateAsync, TimeProvider.System);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await session.RunAsync(output, error, CancellationToken.None));

        using var journal = new JournalReader(venue.DatabasePath);
        foreach (var strategy in venue.Strategies)
        {
            var venueFills = (await venue.Info.UserFillsAsync(venue.MasterOf(strategy), default)).Select(f => f.Tid).Order().ToList();
            var journaled = journal.Fills(strategy.Name).Select(f => f.Fill.TradeId).Order().ToList();
            Assert.Equal(venueFills, journaled);
            Assert.Empty(await venue.Info.OpenOrdersAsync(venue.MasterOf(strategy), default));
        }
    }

    [Fact]
    public async Task CtrlC_TheRunCancelsEveryOrderAndExitsZero()
    {
        await using var venue = await LocalRehearsal.StartAsync(new LocalExchange.LocalExchangeOptions { IpWeightPerMinute = 0 });
        var start = new ProcessStartInfo(HypermmExecutable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "run", "--network", "local", "--exchange-url", venue.Exchange.BaseUrl.ToString(), "--keys-file", venue.KeysFile,
                     "--config", ImpatientConfig(venue.Folder), "--db", venue.DatabasePath, "--log-dir", Path.Combine(venue.Folder, "logs"), "--plain", "--no-watchdog" })
        {
            start.ArgumentList.Add(a);
        }

        using var trader = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        trader.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        trader.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        trader.BeginOutputReadLine();
        trader.BeginErrorReadLine();
        var masters = venue.Strategies.Select(venue.MasterOf).ToList();
        var resting = false;
        for (var i = 0; i < 120 && !resting && !trader.HasExited; i++)
        {
            await Task.Delay(250);
            resting = (await Task.WhenAll(masters.Select(m => venue.Info.OpenOrdersAsync(m, default)))).All(o => o.Count > 0);
        }

        Assert.True(resting, "the strategies never all rested orders: " + output);
        using (var kill = Process.Start("kill", ["-INT", trader.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await trader.WaitForExitAsync(timeout.Token);
        Assert.True(trader.ExitCode == 0, output.ToString());
        Assert.Contains("SIGINT: cancelling every order", output.ToString(), StringComparison.Ordinal);
        foreach (var master in masters)
        {
            Assert.Empty(await venue.Info.OpenOrdersAsync(master, default));
        }
    }
}
