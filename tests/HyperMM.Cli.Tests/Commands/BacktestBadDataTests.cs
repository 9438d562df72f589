using System.IO.Compression;
using System.Text;
using HyperMM.Core.Market;
using HyperMM.Simulation.Market;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Commands;

/// <summary>
/// Issue 11 item 5: truncated, unreadable or impossible market data is an error naming the file, the line and the
/// reason; <c>hypermm backtest</c> exits 2 and prints one line with no .NET internals. Each case is a small file
/// written here by hand.
/// </summary>
public sealed class BacktestBadDataTests : IDisposable
{
    private const string BooksHeader = "timestamp,sequence,exchange_timestamp,bid_price_0,bid_size_0,ask_price_0,ask_size_0,bid_price_1,bid_size_1,ask_price_1,ask_size_1";
    private const string TradesHeader = "timestamp,price,size,side,trade_id,exchange_timestamp";
    private const long T0 = 1_757_015_216_253;

    private readonly string _folder = Directory.CreateTempSubdirectory("hypermm-baddata-").FullName;

    private static string Config => Path.Combine(SharedData.RepositoryRoot, "config/strategies.yaml");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string BookRow(long t, string bid0 = "110000", string bidSize0 = "1.5", string ask0 = "110001", string askSize0 = "2") =>
        $"{t / 1000.0:0.000},{t},{t},{bid0},{bidSize0},{ask0},{askSize0},109999,3,110002,4";

    /// <summary>An HL CSV folder: 30 good book rows one second apart (rows 2..31), with <paramref name="books"/> appended, and the given trade rows.</summary>
    private string CsvFolder(IEnumerable<string>? books = null, IEnumerable<string>? trades = null)
    {
        var rows = Enumerable.Range(0, 30).Select(i => BookRow(T0 + (i * 1000L))).Concat(books ?? []);
        File.WriteAllLines(Path.Combine(_folder, "orderbooks_BTC.csv"), [BooksHeader, .. rows]);
        File.WriteAllLines(Path.Combine(_folder, "trades_BTC.csv"), [TradesHeader, .. trades ?? [$"{T0 / 1000.0:0.000},110001,0.01,buy,1,{T0 + 500}"]]);
        return _folder;
    }

    private static async Task<string> FailsWithOneLineAsync(string data)
    {
        var (code, output, error) = await CliInvocation.RunAsync("backtest", "--data", data, "--config", Config, "--strategy", "mm_btc_perp");

        Assert.True(code == 2, $"exit {code}; out: {output}; err: {error}");
        var line = Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("error: --data: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Index was outside", line, StringComparison.Ordinal);
        Assert.DoesNotContain("input string", line, StringComparison.Ordinal);
        return line;
    }

    [Theory]
    [InlineData("-110000", "1.5", "110001", "bid level 0 price -110000 is not above zero")]
    [InlineData("110000", "0", "110001", "bid level 0 size 0 is not above zero")]
    [InlineData("110002", "1.5", "110001", "crossed book: best bid 110002 is not below best ask 110001")]
    [InlineData("110001", "1.5", "110001", "crossed book: best bid 110001 is not below best ask 110001")]
    [InlineData("NaN", "1.5", "110001", "bid_price_0 'NaN' is not a number")]
    [InlineData("110000", "Infinity", "110001", "bid_size_0 'Infinity' is not a number")]
    public async Task Backtest_ImpossibleBookRow_NamesFileLineAndReason(string bid, string bidSize, string ask, string reason)
    {
        var data = CsvFolder(books: [BookRow(T0 + 30_000, bid, bidSize, ask)]);

        var line = await FailsWithOneLineAsync(data);

        Assert.Contains($"{Path.Combine(data, "orderbooks_BTC.csv")}:32: {reason}.", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-5", "0.01", "buy", "trade price -5 is not above zero")]
    [InlineData("110001", "0", "sell", "trade size 0 is not above zero")]
    [InlineData("110001", "0.01", "up", "side 'up' is neither buy nor sell")]
    [InlineData("1.1.0", "0.01", "buy", "price '1.1.0' is not a number")]
    public async Task Backtest_ImpossibleTradeRow_NamesFileLineAndReason(string price, string size, string side, string reason)
    {
        var data = CsvFolder(trades: [$"{T0 / 1000.0:0.000},110001,0.01,buy,1,{T0 + 500}", $"{T0 / 1000.0:0.000},{price},{size},{side},2,{T0 + 900}"]);

        var line = await FailsWithOneLineAsync(data);

        Assert.Contains($"{Path.Combine(data, "trades_BTC.csv")}:3: {reason}.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_CsvRowCutShort_NamesTheLineInsteadOfAnIndexError()
    {
        var data = CsvFolder(books: [BookRow(T0 + 30_000)[..40]]);

        var line = await FailsWithOneLineAsync(data);

        Assert.Contains("orderbooks_BTC.csv:32: the row has 3 fields, the header 11 (a cut or damaged line?).", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_TimestampFarBehindAnEarlierRow_IsRefusedBeyondTheTolerance()
    {
        // 61 s behind the newest earlier row (T0 + 29 s): beyond the 60 s tolerance.
        var data = CsvFolder(books: [BookRow(T0 + 29_000 - 61_000)]);

        var line = await FailsWithOneLineAsync(data);

        Assert.Contains($"orderbooks_BTC.csv:32: time {T0 - 32_000} goes back 61 s behind an earlier row ({T0 + 29_000}), more than the 60 s tolerance.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_TimestampSlightlyBehind_IsSortedAndAccepted()
    {
        // Real data has this (§1 ETH trades go back 16 s once): within the tolerance the rows are sorted by time.
        var data = CsvFolder(books: [BookRow(T0 + 29_000 - 16_000)]);

        var (code, output, error) = await CliInvocation.RunAsync("backtest", "--data", data, "--config", Config, "--strategy", "mm_btc_perp");

        Assert.True(code == 0, error);
        Assert.Contains("32 events", output, StringComparison.Ordinal); // 31 books + 1 trade
    }

    /// <summary>97 recorded lines; the gzip stream is flushed after line 60 and the file cut there, on a line boundary.</summary>
    private string RecordingCutAfter(int keepLines, bool cutMidLine)
    {
        var lines = Enumerable.Range(0, 97).Select(i =>
            $"{{\"recvMs\":{T0 + (i * 250L)},\"msg\":{{\"channel\":\"l2Book\",\"data\":{{\"coin\":\"BTC\",\"time\":{T0 + (i * 250L)},\"levels\":[[{{\"px\":\"110000\",\"sz\":\"1.5\",\"n\":2}}],[{{\"px\":\"110001\",\"sz\":\"{1 + (i % 7)}\",\"n\":1}}]]}}}}}}").ToList();
        using var bytes = new MemoryStream();
        long cutAt;
        using (var gzip = new GZipStream(bytes, CompressionLevel.Optimal, leaveOpen: true))
        {
            var head = Encoding.UTF8.GetBytes(string.Concat(lines.Take(keepLines).Select(l => l + "\n")));
            gzip.Write(head);
            gzip.Flush(); // everything so far is in the compressed bytes, ending on a line boundary
            cutAt = bytes.Length;
            gzip.Write(Encoding.UTF8.GetBytes(string.Concat(lines.Skip(keepLines).Select(l => l + "\n"))));
        }

        var whole = bytes.ToArray();
        var path = Path.Combine(_folder, "cut.jsonl.gz");
        File.WriteAllBytes(path, whole[..(int)(cutMidLine ? cutAt + ((whole.Length - cutAt) / 2) : cutAt)]);
        return path;
    }

    [Fact]
    public async Task Backtest_GzipRecordingCutOnALineBoundary_IsAnErrorNotAShortReplay()
    {
        var path = RecordingCutAfter(60, cutMidLine: false);
        Assert.Equal(60, ReadLinesQuietly(path)); // what .NET alone would replay, without a word

        var line = await FailsWithOneLineAsync(path);

        Assert.Contains($"{path}:61: the gzip data ends before its end marker: the file is cut short", line, StringComparison.Ordinal);
        Assert.Contains("(60 lines read)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_GzipRecordingCutMidLine_IsAnErrorNamingTheTruncation()
    {
        var path = RecordingCutAfter(60, cutMidLine: true);

        var line = await FailsWithOneLineAsync(path);

        Assert.Contains("the gzip data ends before its end marker", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hello world", "1: neither '<receive ns> <json>' nor a {\"recvMs\":...,\"msg\":...} object")]
    [InlineData("{\"recvMs\":1757015216253,\"msg\":{\"channel\":\"l2Book\",\"data\":{\"coin\":\"BTC\",\"levels\":[[{\"px\":\"110000\",\"sz\":\"1\"}]", "1: not valid JSON")]
    [InlineData("{\"recvMs\":1757015216253,\"msg\":{\"channel\":\"l2Book\",\"data\":{\"levels\":[[],[]]}}}", "1: l2Book data has no 'coin'")]
    [InlineData("{\"recvMs\":1757015216253,\"msg\":{\"channel\":\"l2Book\",\"data\":{\"coin\":\"BTC\",\"levels\":[[{\"px\":\"110002\",\"sz\":\"1\"}],[{\"px\":\"110001\",\"sz\":\"1\"}]]}}}", "1: crossed book: best bid 110002 is not below best ask 110001")]
    [InlineData("{\"recvMs\":1757015216253,\"msg\":{\"channel\":\"trades\",\"data\":[{\"coin\":\"BTC\",\"side\":\"B\",\"px\":\"-1\",\"sz\":\"0.1\",\"time\":1757015216000,\"tid\":5}]}}", "1: trade price -1 is not above zero")]
    [InlineData("1737918843893903000 {\"channel\":\"trades\",\"data\":[{\"coin\":\"BTC\",\"side\":\"B\",\"px\":\"NaN\",\"sz\":\"0.1\"}]}", "1: trade px 'NaN' is not a number")]
    public async Task Backtest_UnreadableOrImpossibleCaptureLine_NamesFileLineAndReason(string content, string reason)
    {
        var path = Path.Combine(_folder, "capture.jsonl");
        File.WriteAllText(path, content + "\n");

        var line = await FailsWithOneLineAsync(path);

        Assert.Contains($"{path}:{reason}", line, StringComparison.Ordinal);
    }

    private static int ReadLinesQuietly(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var count = 0;
        while (reader.ReadLine() is not null)
        {
            count++;
        }

        return count;
    }
}
