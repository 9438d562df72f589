using System.Net;
using HyperMM.Cli.Dashboard;
using HyperMM.Cli.Tests.Reports;

namespace HyperMM.Cli.Tests.Dashboard;

/// <summary>
/// DNS-rebinding defence: the dashboard (and /metrics beside it) answers only requests whose Host header names it by
/// a loopback name and its own port; anything else gets 421 and no data.
/// </summary>
public sealed class DashboardHostTests : IDisposable
{
    private readonly TestJournal _journal = new();

    public DashboardHostTests() => DemoJournal.Write(_journal);

    public void Dispose() => _journal.Dispose();

    [Theory]
    [InlineData("localhost:{port}", HttpStatusCode.OK)]
    [InlineData("LOCALHOST:{port}", HttpStatusCode.OK)]
    [InlineData("127.0.0.1:{port}", HttpStatusCode.OK)]
    [InlineData("[::1]:{port}", HttpStatusCode.OK)]
    [InlineData("evil.example:{port}", HttpStatusCode.MisdirectedRequest)]
    [InlineData("127.0.0.1.evil.example:{port}", HttpStatusCode.MisdirectedRequest)]
    [InlineData("localhost.evil.example:{port}", HttpStatusCode.MisdirectedRequest)]
    [InlineData("192.168.1.10:{port}", HttpStatusCode.MisdirectedRequest)]
    [InlineData("localhost:1", HttpStatusCode.MisdirectedRequest)]
    [InlineData("localhost", HttpStatusCode.MisdirectedRequest)]
    public async Task HostHeader_OnlyLoopbackNamesWithThePort_AreServed(string host, HttpStatusCode expected)
    {
        await using var dashboard = await DashboardServer.StartAsync(_journal.Path_, 0, CancellationToken.None);
        using var http = new HttpClient();
        foreach (var path in new[] { "/", "/api/state" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(dashboard.Url, path));
            request.Headers.Host = host.Replace("{port}", dashboard.Url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            using var response = await http.SendAsync(request);
            Assert.Equal(expected, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            if (expected != HttpStatusCode.OK)
            {
                Assert.StartsWith("421 Misdirected Request", body, StringComparison.Ordinal);
                Assert.DoesNotContain("mm_eth_perp", body, StringComparison.Ordinal);
            }
        }
    }
}
