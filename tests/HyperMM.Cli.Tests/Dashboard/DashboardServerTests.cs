using System.Net;
using System.Text.Json;
using HyperMM.Cli.Dashboard;
using HyperMM.Cli.Tests.Reports;

namespace HyperMM.Cli.Tests.Dashboard;

/// <summary>The dashboard's HTTP side without a browser: assets, the state JSON, the event stream.</summary>
public sealed class DashboardServerTests : IDisposable
{
    private readonly TestJournal _journal = new();

    public DashboardServerTests() => DemoJournal.Write(_journal);

    public void Dispose() => _journal.Dispose();

    [Fact]
    public async Task ServesThePage_ItsAssets_AndTheStateOnLoopback()
    {
        await using var dashboard = await DashboardServer.StartAsync(_journal.Path_, 0, CancellationToken.None);
        Assert.Equal("127.0.0.1", dashboard.Url.Host);
        Assert.NotEqual(0, dashboard.Url.Port);
        using var http = new HttpClient { BaseAddress = dashboard.Url };
        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("<script src=\"app.js\"></script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("//cdn", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("EventSource", await http.GetStringAsync(new Uri("/app.js", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/app.css", UriKind.Relative))).StatusCode);

        using var state = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/state", UriKind.Relative)));
        var names = state.RootElement.GetProperty("strategies").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["mm_btc_perp", "mm_eth_perp", "mm_hype_perp"], names);
        var warn = Assert.Single(state.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetProperty("source").GetString() == "warn");
        Assert.Equal("WebSocket closed; REST resync before quoting resumes", warn.GetProperty("message").GetString());
    }

    [Fact]
    public async Task EventStream_PushesANewFill()
    {
        await using var dashboard = await DashboardServer.StartAsync(_journal.Path_, 0, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = dashboard.Url };
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // a hang guard, not a timing assertion
        using var response = await http.GetAsync(new Uri("/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        var first = await NextEvent(reader, cts.Token);
        Assert.DoesNotContain("\"tid\":987654", first, StringComparison.Ordinal);

        _journal.Fill("mm_eth_perp", "ETH", 987_654, DemoJournal.Seconds + 5, "B", 2999.5m, 0.01m, 0.0045m, 3000m, 0.01m);
        string next;
        do
        {
            next = await NextEvent(reader, cts.Token);
        }
        while (!next.Contains("\"tid\":987654", StringComparison.Ordinal));

        Assert.Contains("\"px\":2999.5", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJournalThatDoesNotExistYet_IsReportedAsAProblem_NotAnError()
    {
        var path = Path.Combine(_journal.Folder, "later.db");
        await using var dashboard = await DashboardServer.StartAsync(path, 0, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = dashboard.Url };
        using var state = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/state", UriKind.Relative)));
        Assert.StartsWith("no journal at", state.RootElement.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    private static async Task<string> NextEvent(StreamReader reader, CancellationToken token)
    {
        while (true)
        {
            var line = await reader.ReadLineAsync(token) ?? throw new EndOfStreamException("event stream closed");
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return line["data: ".Length..];
            }
        }
    }
}
