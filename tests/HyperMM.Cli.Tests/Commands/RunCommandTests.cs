using HyperMM.Cli.Commands;
using HyperMM.Cli.Failures;
using HyperMM.Cli.Hosting;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Commands;

public class RunCommandTests
{
    private static string Config => Path.Combine(SharedData.RepositoryRoot, "config/strategies.yaml");

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliInvocation.RunAsync(args);

    [Fact]
    public async Task Run_MainnetWithoutConfirmation_RefusedWithExitTwo()
    {
        var (code, output, error) = await Run("run", "--config", Config, "--network", "mainnet");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"error: --network mainnet trades real money: add {VenueArguments.ConfirmMainnetFlag} to confirm", error.Trim());
    }

    [Theory]
    [InlineData("--local-faults", "http-fail-fraction=NaN")]
    [InlineData("--local-faults", "drop-ws-every=Infinity")]
    [InlineData("--local-faults", "ws-drop=20")]
    [InlineData("--dashboard-port", "99999")]
    [InlineData("--dashboard-port", "-1")]
    [InlineData("--log-level", "chatty")]
    [InlineData("--network", "devnet")]
    [InlineData("--duration", "soon")]
    [InlineData("--strategy", "mm_doge_perp")]
    public async Task Run_BadArgument_OneErrorExitTwo(string option, string value)
    {
        var (code, _, error) = await Run("run", "--config", Config, option, value);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains(value, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("90", 90)]
    [InlineData("90s", 90)]
    [InlineData("1.5m", 90)]
    [InlineData("2h", 7200)]
    public void DurationParser_Units(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), DurationParser.Parse("--duration", text));

    [Theory]
    [InlineData("0")]
    [InlineData("-5s")]
    [InlineData("3d")]
    [InlineData("")]
    public void DurationParser_Invalid_Throws(string text) =>
        Assert.Throws<UsageException>(() => DurationParser.Parse("--duration", text));
}
