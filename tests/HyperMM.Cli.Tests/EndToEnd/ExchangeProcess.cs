using System.Globalization;
using System.Text.RegularExpressions;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Accounts;
using HyperMM.Hyperliquid.Info;
using HyperMM.Hyperliquid.Transport;

namespace HyperMM.Cli.Tests.EndToEnd;

/// <summary>
/// A real <c>hypermm exchange</c> process with one funded account per shipped strategy and their keys in a file:
/// the venue a trader rehearses against, in its own process. Reads its URL and master addresses from what it prints.
/// </summary>
public sealed partial class ExchangeProcess : IDisposable
{
    private ExchangeProcess(HypermmProcess process, string folder, Uri url, IReadOnlyDictionary<string, Address> masters)
    {
        Process = process;
        Folder = folder;
        Url = url;
        Masters = masters;
        Http = new HttpClient();
        // The test's own queries share the exchange's per-IP weight with the engine: they wait for the window too.
        Info = new InfoClient(new HttpTransport(Http, TimeSpan.FromSeconds(10), new RateLimitGate(TimeProvider.System)), HyperliquidEndpoint.Custom(url, isMainnet: false), TimeProvider.System);
    }

    public static readonly string[] Strategies = ["mm_eth_perp", "mm_btc_perp", "mm_hype_perp"];

    public HypermmProcess Process { get; }

    public string Folder { get; }

    public Uri Url { get; }

    public string KeysFile => Path.Combine(Folder, "keys.env");

    /// <summary>Strategy name → the master account the exchange created for it.</summary>
    public IReadOnlyDictionary<string, Address> Masters { get; }

    public HttpClient Http { get; }

    public InfoClient Info { get; }

    /// <param name="ipWeightPerMinute">The per-IP weight limit (venue: 1200; 0: off so the test's own polling is never throttled).</param>
    public static async Task<ExchangeProcess> StartAsync(int ipWeightPerMinute = 0, params string[] extraArguments)
    {
        var folder = Directory.CreateTempSubdirectory("hypermm-venue-").FullName;
        var process = HypermmProcess.Start(
        [
            "exchange", "--port", "0", "--accounts", string.Join(',', Strategies), "--keys-file", Path.Combine(folder, "keys.env"),
            "--ip-weight-per-minute", ipWeightPerMinute.ToString(CultureInfo.InvariantCulture), .. extraArguments,
        ]);
        Assert.True(await process.WaitForTextAsync("running", TimeSpan.FromSeconds(60)), "hypermm exchange did not start: " + process.Transcript);
        var text = process.Stdout;
        var url = new Uri(UrlLine().Match(text).Groups[1].Value);
        var masters = AccountLine().Matches(text).ToDictionary(m => m.Groups[1].Value, m => Address.Parse(m.Groups[2].Value), StringComparer.Ordinal);
        Assert.Equal(Strategies.Length, masters.Count);
        return new ExchangeProcess(process, folder, url, masters);
    }

    /// <summary>How many orders each strategy's account has open, in <see cref="Strategies"/> order.</summary>
    public async Task<int[]> OpenOrderCountsAsync() =>
        await Task.WhenAll(Strategies.Select(async s => (await Info.OpenOrdersAsync(Masters[s], default)).Count));

    /// <summary>Polls until <paramref name="condition"/> holds for the open-order counts, or the deadline passes.</summary>
    public async Task<bool> WaitForOrdersAsync(Func<int[], bool> condition, TimeSpan deadline)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        while (DateTimeOffset.UtcNow < until)
        {
            if (condition(await OpenOrderCountsAsync()))
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    public void Dispose()
    {
        Http.Dispose();
        Process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    [GeneratedRegex(@"on (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex UrlLine();

    [GeneratedRegex(@"account (\S+): master (0x[0-9a-fA-F]{40})")]
    private static partial Regex AccountLine();
}
