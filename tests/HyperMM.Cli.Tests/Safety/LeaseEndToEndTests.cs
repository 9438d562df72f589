using HyperMM.Cli.Tests.EndToEnd;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Safety;

/// <summary>One engine per account and per journal, with two real <c>hypermm run</c> processes.</summary>
public sealed class LeaseEndToEndTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hypermm-lease-").FullName;

    /// <summary>Every process of a test shares one lease folder (as two runs of one user share theirs).</summary>
    private Dictionary<string, string> Environment => new() { ["HYPERMM_STATE_DIR"] = Path.Combine(_folder, "state") };

    private static string ShippedConfig => Path.Combine(SharedData.RepositoryRoot, "config/strategies.yaml");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private HypermmProcess Run(string db, params string[] extra) => HypermmProcess.Start(
        ["run", "--config", ShippedConfig, "--db", Path.Combine(_folder, db), "--log-dir", Path.Combine(_folder, "logs-" + db), "--plain", .. extra],
        environment: Environment);

    [Fact]
    public async Task SameJournal_TheSecondRunIsRefusedNamingTheHolder_AndAKilledHoldersLeaseIsTakenOver()
    {
        using var first = Run("shared.db");
        Assert.True(await first.WaitForTextAsync("running until Ctrl-C", TimeSpan.FromSeconds(60)), first.Transcript);

        using (var second = Run("shared.db", "--duration", "5s"))
        {
            Assert.Equal(5, await second.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("is in use by another live run", second.Transcript, StringComparison.Ordinal);
            Assert.Contains($"pid {first.Id}, started ", second.Transcript, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", second.Transcript, StringComparison.Ordinal);
        }

        first.Process.Kill(); // SIGKILL: the lease is never released by the holder itself
        await first.Process.WaitForExitAsync();

        using var third = Run("shared.db", "--duration", "3s");
        var exit = await third.WaitForExitAsync(TimeSpan.FromSeconds(90));
        Assert.True(exit == 0, third.Transcript);
        Assert.Contains($"took over the lease on journal", third.Transcript, StringComparison.Ordinal);
        Assert.Contains($"pid {first.Id}", third.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameAccount_DifferentJournals_AgainstOneExchange_TheSecondRunIsRefused()
    {
        using var venue = await ExchangeProcess.StartAsync();
        string[] outside = ["--network", "local", "--exchange-url", venue.Url.ToString(), "--keys-file", venue.KeysFile, "--no-watchdog"];
        using var first = Run("one.db", outside);
        Assert.True(await venue.WaitForOrdersAsync(c => c.All(n => n > 0), TimeSpan.FromSeconds(90)), first.Transcript);

        using (var second = Run("two.db", [.. outside, "--duration", "5s"]))
        {
            Assert.Equal(5, await second.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains($"account {venue.Masters["mm_eth_perp"].Hex}", second.Transcript, StringComparison.OrdinalIgnoreCase);
            Assert.Contains($"pid {first.Id}, started ", second.Transcript, StringComparison.Ordinal);
        }

        var counts = await venue.OpenOrderCountsAsync();
        Assert.All(counts, n => Assert.InRange(n, 1, 2)); // one engine's quotes, not two

        await first.SignalAsync("INT");
        Assert.Equal(0, await first.WaitForExitAsync(TimeSpan.FromSeconds(60)));
    }
}
