namespace HyperMM.Cli.Tests.Reports;

public sealed class ReportCommandTests : IDisposable
{
    private readonly TestJournal _journal = new();

    public void Dispose() => _journal.Dispose();

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliInvocation.RunAsync(args);

    [Fact]
    public async Task MissingDb_IsOneLineAndExit2()
    {
        var (code, _, err) = await Run("report", "--db", "/nonexistent/hypermm.db");
        Assert.Equal(2, code);
        Assert.Equal("error: --db: no journal at /nonexistent/hypermm.db (run 'hypermm run' first, or pass --db PATH)", err.Trim());
    }

    [Theory]
    [InlineData("--from", "yesterday")]
    [InlineData("--to", "2026-13-45")]
    public async Task BadDate_IsOneLineAndExit2(string option, string value)
    {
        var (code, _, err) = await Run("report", "--db", _journal.Path_, option, value);
        Assert.Equal(2, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.StartsWith($"error: {option}: '{value}' is not an ISO 8601 time", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromAfterTo_IsAUsageError()
    {
        var (code, _, err) = await Run("report", "--db", _journal.Path_, "--from", "2026-12-02T00:00:00Z", "--to", "2026-12-01T00:00:00Z");
        Assert.Equal(2, code);
        Assert.Equal("error: --from must not be after --to", err.Trim());
    }

    [Fact]
    public async Task Report_PrintsTheTable_AndWritesChartsAndHtml()
    {
        _journal.Fill("mm_eth_perp", "ETH", 1, 10, "B", 1999m, 1m, 0.2m, 2000m, 1m);
        _journal.Fill("mm_eth_perp", "ETH", 2, 20, "A", 2001m, 1m, 0.2m, 2000m, 0m);
        var outDir = Path.Combine(_journal.Folder, "out");
        var (code, output, err) = await Run("report", "--db", _journal.Path_, "--strategy", "mm_eth_perp", "--from", "2025-12-01T00:00:00Z", "--out", outDir);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, err);
        // spread: (2000 − 1999)·1 + (2001 − 2000)·1 = 2; fees 0.4; flat at the end: total 1.6
        Assert.Matches(@"total PnL\s+1\.6000", output);
        Assert.Matches(@"spread capture\s+2\.0000", output);
        Assert.StartsWith("HyperMM report: hypermm.db: run 1 (local", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "report.html")));
        Assert.True(new FileInfo(Path.Combine(outDir, "mm_eth_perp-pnl.png")).Length > 0);

        // --json: one document on stdout, nothing else, and the same content as summary.json.
        var (jsonCode, json, jsonErr) = await Run("report", "--db", _journal.Path_, "--strategy", "mm_eth_perp", "--from", "2025-12-01T00:00:00Z", "--json");
        Assert.Equal(0, jsonCode);
        Assert.Equal(string.Empty, jsonErr);
        Assert.Equal(File.ReadAllText(Path.Combine(outDir, "summary.json")), json);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var eth = Assert.Single(doc.RootElement.GetProperty("strategies").EnumerateArray());
        Assert.Equal(1, eth.GetProperty("run").GetInt64());
        Assert.Equal(2m, eth.GetProperty("spread_capture").GetDecimal());
        Assert.Equal(0.4m, eth.GetProperty("fees").GetDecimal());
        Assert.Equal(1.6m, eth.GetProperty("total_pnl").GetDecimal());
        Assert.Equal(2, eth.GetProperty("fills").GetInt64());
    }

    [Fact]
    public async Task UnknownStrategy_IsAUsageError()
    {
        var (code, _, err) = await Run("report", "--db", _journal.Path_, "--strategy", "nope", "--out", Path.Combine(_journal.Folder, "o"));
        Assert.Equal(2, code);
        Assert.Equal("error: --strategy: no journal entries for 'nope'", err.Trim());
    }
}
