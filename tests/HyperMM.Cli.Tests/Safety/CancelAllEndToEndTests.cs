using HyperMM.Cli.Tests.EndToEnd;
using HyperMM.LocalExchange;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Safety;

/// <summary>
/// The panic button as a script sees it: a real <c>hypermm cancel-all</c> process against a local exchange, whose exit
/// code is 0 exactly when the venue lists none of the strategies' orders afterwards.
/// </summary>
public sealed class CancelAllEndToEndTests
{
    private static string ShippedConfig => Path.Combine(SharedData.RepositoryRoot, "config/strategies.yaml");

    private static string[] CancelAll(Uri url, string keys) =>
        ["cancel-all", "--network", "local", "--exchange-url", url.ToString(), "--keys-file", keys, "--config", ShippedConfig];

    private static async Task<HypermmProcess> RunToEndAsync(string[] arguments)
    {
        var process = HypermmProcess.Start(arguments);
        await process.WaitForExitAsync(TimeSpan.FromSeconds(120));
        return process;
    }

    [Fact]
    public async Task OrdersCancelled_ThenNothingToCancel_ThenAnOrderThatCannotBeCancelled()
    {
        await using var venue = await LocalRehearsal.StartAsync(new LocalExchangeOptions { IpWeightPerMinute = 0 });
        var eth = venue.Strategies[0];
        var btc = venue.Strategies[1];
        var hype = venue.Strategies[2];
        await OwnOrders.PlaceAsync(venue.Exchange.BaseUrl, venue.Accounts[0], eth.Name, eth.Coin, 2);
        await OwnOrders.PlaceAsync(venue.Exchange.BaseUrl, venue.Accounts[1], btc.Name, btc.Coin, 1);
        var foreign = await OwnOrders.PlaceAsync(venue.Exchange.BaseUrl, venue.Accounts[2], null, hype.Coin, 1);

        using (var first = await RunToEndAsync(CancelAll(venue.Exchange.BaseUrl, venue.KeysFile)))
        {
            Assert.True(first.Process.ExitCode == 0, first.Transcript);
            Assert.Contains("mm_eth_perp: cancelled 2 order(s)", first.Transcript, StringComparison.Ordinal);
            Assert.Contains("mm_btc_perp: cancelled 1 order(s)", first.Transcript, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", first.Transcript, StringComparison.Ordinal);
        }

        Assert.Empty(await venue.Info.OpenOrdersAsync(venue.MasterOf(eth), default));
        Assert.Empty(await venue.Info.OpenOrdersAsync(venue.MasterOf(btc), default));
        Assert.Equal(foreign, (await venue.Info.OpenOrdersAsync(venue.MasterOf(hype), default)).Select(o => o.Oid)); // not ours: left alone

        using (var again = await RunToEndAsync(CancelAll(venue.Exchange.BaseUrl, venue.KeysFile)))
        {
            Assert.True(again.Process.ExitCode == 0, again.Transcript);
            Assert.Contains("mm_eth_perp: nothing to cancel", again.Transcript, StringComparison.Ordinal);
        }

        var stuck = await OwnOrders.PlaceAsync(venue.Exchange.BaseUrl, venue.Accounts[0], eth.Name, eth.Coin, 1);
        venue.Exchange.Faults.RejectNextCancels(1_000);
        using (var refused = await RunToEndAsync(CancelAll(venue.Exchange.BaseUrl, venue.KeysFile)))
        {
            Assert.Equal(1, refused.Process.ExitCode);
            Assert.Contains("mm_eth_perp: 1 order(s) still open", refused.Transcript, StringComparison.Ordinal);
            Assert.Contains($"oid {stuck[0].Value}", refused.Transcript, StringComparison.Ordinal);
            Assert.Contains("fault injection", refused.Transcript, StringComparison.Ordinal);
        }

        venue.Exchange.Faults.RejectNextCancels(0);
    }

    [Fact]
    public async Task VenueUnreachable_ExitsThreeNamingTheUrl_OrdersLeftUnknown()
    {
        var dead = ClosedPort.Url();
        var folder = Directory.CreateTempSubdirectory("hypermm-dead-").FullName;
        try
        {
            var keys = Path.Combine(folder, "keys.env");
            await using (var venue = await LocalRehearsal.StartAsync())
            {
                File.Copy(venue.KeysFile, keys);
            }

            using var process = await RunToEndAsync([.. CancelAll(dead, keys), "--strategy", "mm_eth_perp"]);
            Assert.True(process.Process.ExitCode == 3, process.Transcript);
            Assert.Contains($"could not reach the exchange at {dead.GetLeftPart(UriPartial.Authority)}", process.Transcript, StringComparison.Ordinal);
            Assert.Contains("orders left unknown", process.Transcript, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", process.Transcript, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task WithoutAVenue_IsRefusedLikeDoctor()
    {
        var (code, _, err) = await CliInvocation.RunAsync("cancel-all");
        Assert.Equal(2, code);
        Assert.Contains("cancel-all needs a venue", err, StringComparison.Ordinal);
    }
}
