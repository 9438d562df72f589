using HyperMM.LocalExchange.Market;
using HyperMM.TestSupport;

namespace HyperMM.LocalExchange.Tests.Server;

/// <summary>The venue fed by a replay of the recorded HL books and trades (../shared/data, 2025-09-04).</summary>
public sealed class ReplayTests
{
    private static string HlData => Path.Combine(SharedData.RootPath, "data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data");

    [Fact]
    public void ReplaySource_HlCsvFolder_EmitsBtcAndEthInTimeOrder_UntilExhausted()
    {
        var source = ReplaySource.FromPath(HlData, new HashSet<string> { "BTC", "ETH", "HYPE" });
        Assert.Equal(["BTC", "ETH"], source.Coins.Select(c => c.Name).Order(StringComparer.Ordinal));
        // SOURCES.md: 3,785 book snapshots per coin, 6,675 BTC and 6,884 ETH trades
        Assert.Equal((2 * 3785) + 6675 + 6884, source.Count);
        var output = new List<Simulation.Market.MarketEvent>();
        source.Advance(TimeSpan.FromSeconds(10), output);
        Assert.NotEmpty(output);
        Assert.True(output.Zip(output.Skip(1)).All(p => p.First.TimeMs <= p.Second.TimeMs));
        Assert.True(output[^1].TimeMs - output[0].TimeMs <= 10_000);
        source.Advance(TimeSpan.FromHours(1), output); // the recording lasts 34.8 min
        Assert.True(source.IsExhausted);
        Assert.Equal(source.Count, output.Count);
    }

    [Fact]
    public async Task Server_WithReplay_ServesTheRecordedEthBook()
    {
        await using var handle = await LocalExchangeServer.StartAsync(new LocalExchangeOptions { ReplayPath = HlData, MarketStep = TimeSpan.FromHours(1) });
        handle.Feed.StepOnce();
        using var http = new HttpClient { BaseAddress = handle.BaseUrl };
        using var content = new StringContent("{\"type\":\"l2Book\",\"coin\":\"ETH\"}", System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/info", UriKind.Relative), content);
        using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var bid = decimal.Parse(doc.RootElement.GetProperty("levels")[0][0].GetProperty("px").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        // SOURCES.md: ETH traded 4,266.9 - 4,303.2 in this recording
        Assert.InRange(bid, 4266m, 4304m);
        Assert.Equal(20, doc.RootElement.GetProperty("levels")[0].GetArrayLength());
    }
}
