using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Commands;

public class ExchangeCommandTests
{
    private static string HlData => Path.Combine(SharedData.RootPath, "data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data");

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliInvocation.RunAsync(args);

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--speed", "0")]
    [InlineData("--http-fail-fraction", "1.5")]
    [InlineData("--replay", "/nonexistent/recording")]
    [InlineData("--keys-file", "/tmp/x.env")]
    [InlineData("--accounts", "bad name!")]
    public async Task Exchange_BadArgument_OneLineErrorExit2(string option, string value)
    {
        var (code, output, error) = await Run("exchange", option, value, "--duration", "1");
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exchange_ReplayOfAFileThatIsNoRecording_OneLineErrorExit2()
    {
        var notARecording = Path.Combine(SharedData.RepositoryRoot, "config/strategies.yaml");
        var (code, _, error) = await Run("exchange", "--replay", notARecording, "--duration", "1");
        Assert.Equal(2, code);
        Assert.StartsWith("error: --replay: ", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Exchange_PortInUse_OneLineErrorExit2()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var (code, _, error) = await Run("exchange", "--replay", HlData, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--duration", "1");
        Assert.Equal(2, code);
        Assert.StartsWith($"error: --port {port}: cannot listen", error, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Exchange_WithAccounts_PrintsUrlAndAddresses_KeysOnlyInTheOwnerOnlyFile()
    {
        var dir = Directory.CreateTempSubdirectory("hypermm-exchange-");
        try
        {
            var keys = Path.Combine(dir.FullName, "keys.env");
            var config = Path.Combine(SharedData.RepositoryRoot, "config/strategies.yaml");
            var (code, output, error) = await Run("exchange", "--port", "0", "--replay", HlData, "--accounts", "mm_eth_perp,mm_btc_perp",
                "--keys-file", keys, "--config", config, "--duration", "1");
            Assert.True(code == 0, $"exit {code}: {error} | {output}");
            Assert.Equal(string.Empty, error);
            Assert.Matches(@"on http://127\.0\.0\.1:\d+/", output);
            Assert.Contains("account mm_eth_perp: master 0x", output, StringComparison.Ordinal);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keys));
            var lines = File.ReadAllLines(keys);
            // the strategy's key_env from config/strategies.yaml names the variable
            var ethKey = Assert.Single(lines, l => l.StartsWith("HYPERMM_ETH_KEY=0x", StringComparison.Ordinal))["HYPERMM_ETH_KEY=".Length..];
            Assert.Single(lines, l => l.StartsWith("HYPERMM_BTC_KEY=0x", StringComparison.Ordinal));
            Assert.DoesNotContain(ethKey[2..], output, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
