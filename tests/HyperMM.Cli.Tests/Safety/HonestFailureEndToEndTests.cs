using HyperMM.Cli.Tests.EndToEnd;
using HyperMM.LocalExchange;
using HyperMM.TestSupport;
using Microsoft.Data.Sqlite;

namespace HyperMM.Cli.Tests.Safety;

/// <summary>
/// Failures say so: an unreachable venue is exit 3 with "could not reach … at URL" and orders left unknown; a journal
/// that stops writing mid-run (a lock held by another process, a full disk) halts trading, cancels, prints the summary
/// and the orders-left check and exits 4. Real processes against a local exchange over sockets.
/// </summary>
public sealed class HonestFailureEndToEndTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hypermm-honest-").FullName;

    private static string ShippedConfig => Path.Combine(SharedData.RepositoryRoot, "config/strategies.yaml");

    private Dictionary<string, string> Environment => new() { ["HYPERMM_STATE_DIR"] = Path.Combine(_folder, "state") };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> KeysFileAsync()
    {
        var keys = Path.Combine(_folder, "keys.env");
        await using var venue = await LocalRehearsal.StartAsync();
        File.Copy(venue.KeysFile, keys, overwrite: true);
        return keys;
    }

    [Fact]
    public async Task Run_AgainstADeadPort_ExitsThree_CouldNotReachTheUrl_OrdersLeftUnknown()
    {
        var dead = ClosedPort.Url();
        using var run = HypermmProcess.Start(
            ["run", "--network", "local", "--exchange-url", dead.ToString(), "--keys-file", await KeysFileAsync(), "--config", ShippedConfig,
             "--db", Path.Combine(_folder, "j.db"), "--log-dir", Path.Combine(_folder, "logs"), "--plain", "--no-watchdog", "--duration", "4s"],
            environment: Environment);
        var exit = await run.WaitForExitAsync(TimeSpan.FromSeconds(90));
        Assert.True(exit == 3, run.Transcript);
        Assert.Contains($"error: could not reach the exchange at {dead.GetLeftPart(UriPartial.Authority)}: ", run.Transcript, StringComparison.Ordinal);
        Assert.Contains("orders left unknown", run.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(", 0 orders left", run.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_AgainstADeadPort_ExitsThreeWithOneLine()
    {
        var dead = ClosedPort.Url();
        using var doctor = HypermmProcess.Start(
            ["doctor", "--network", "local", "--exchange-url", dead.ToString(), "--keys-file", await KeysFileAsync(), "--config", ShippedConfig]);
        Assert.Equal(3, await doctor.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.StartsWith($"error: could not reach the exchange at {dead.GetLeftPart(UriPartial.Authority)}: ", doctor.Transcript.Trim(), StringComparison.Ordinal);
        Assert.Single(doctor.Transcript.Trim().Split('\n'));
    }

    [Fact]
    public async Task JournalLockedByAnotherProcessMidRun_TheRunHaltsCancelsSummarisesAndExitsFour()
    {
        await using var venue = await LocalRehearsal.StartAsync(new LocalExchangeOptions { IpWeightPerMinute = 0 });
        var db = Path.Combine(_folder, "locked.db");
        using var run = HypermmProcess.Start(
            ["run", "--network", "local", "--exchange-url", venue.Exchange.BaseUrl.ToString(), "--keys-file", venue.KeysFile, "--config", ShippedConfig,
             "--db", db, "--log-dir", Path.Combine(_folder, "logs"), "--plain", "--no-watchdog", "--journal-timeout", "2"],
            environment: Environment);
        var masters = venue.Strategies.Select(venue.MasterOf).ToList();
        Assert.True(await RestingEverywhereAsync(venue, masters), "the strategies never all quoted: " + run.Transcript);

        // Another process (here: another connection, as sqlite3 would) takes the write lock and keeps it past the timeout.
        await using (var holder = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            await holder.OpenAsync();
            await using (var begin = holder.CreateCommand())
            {
                begin.CommandText = "PRAGMA busy_timeout = 10000; BEGIN EXCLUSIVE;";
                await begin.ExecuteNonQueryAsync();
            }

            var exit = await run.WaitForExitAsync(TimeSpan.FromSeconds(90));
            Assert.True(exit == 4, $"exit {exit}: {run.Transcript}");
        }

        Assert.Contains($"journal {db} is locked by another process", run.Transcript, StringComparison.Ordinal);
        Assert.Contains("trading was halted", run.Transcript, StringComparison.Ordinal);
        Assert.Contains("journal FAILED", run.Transcript, StringComparison.Ordinal); // the summary was printed
        Assert.Contains("mm_eth_perp: Stopped", run.Transcript, StringComparison.Ordinal);
        Assert.Contains("orders left: 0", run.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.Transcript, StringComparison.Ordinal);
        foreach (var master in masters)
        {
            Assert.Empty(await venue.Info.OpenOrdersAsync(master, default));
        }
    }

    [Fact]
    public async Task DiskFullMidRun_TheRunHaltsCancelsSummarisesAndExitsFour()
    {
        await using var venue = await LocalRehearsal.StartAsync(new LocalExchangeOptions { IpWeightPerMinute = 0 });
        await using var disk = await SmallDisk.CreateAsync(Path.Combine(_folder, "disk"));
        var db = Path.Combine(disk.Folder, "j.db");
        using var run = disk.Start(
            ["run", "--network", "local", "--exchange-url", venue.Exchange.BaseUrl.ToString(), "--keys-file", venue.KeysFile, "--config", ShippedConfig,
             "--db", db, "--log-dir", Path.Combine(_folder, "logs"), "--plain", "--no-watchdog"],
            Environment);
        var masters = venue.Strategies.Select(venue.MasterOf).ToList();
        Assert.True(await RestingEverywhereAsync(venue, masters), "the strategies never all quoted: " + run.Transcript);

        await disk.FillAsync();
        var exit = await run.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.True(exit == 4, $"exit {exit} ({disk.Method}): {run.Transcript}");
        Assert.Contains("the journal stopped writing", run.Transcript, StringComparison.Ordinal);
        Assert.Contains("journal FAILED", run.Transcript, StringComparison.Ordinal);
        Assert.Contains("orders left: 0", run.Transcript, StringComparison.Ordinal);
        foreach (var master in masters)
        {
            Assert.Empty(await venue.Info.OpenOrdersAsync(master, default));
        }
    }

    private static async Task<bool> RestingEverywhereAsync(LocalRehearsal venue, IReadOnlyList<Core.Primitives.Address> masters)
    {
        for (var i = 0; i < 240; i++)
        {
            if ((await Task.WhenAll(masters.Select(m => venue.Info.OpenOrdersAsync(m, default)))).All(o => o.Count > 0))
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }
}
