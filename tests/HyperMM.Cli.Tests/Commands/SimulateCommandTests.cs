namespace HyperMM.Cli.Tests.Commands;

public class SimulateCommandTests
{
    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliInvocation.RunAsync(args);

    [Fact]
    public async Task As2008_prints_one_table_per_gamma()
    {
        var (code, output, _) = await Run("simulate", "as2008", "--gamma", "0.1", "--gamma", "1", "--runs", "50", "--seed", "3");

        Assert.Equal(0, code);
        Assert.Contains("gamma = 0.1 (s = 100, T = 1, sigma = 2, dt = 0.005, k = 1.5, A = 140; 50 runs, seed 3)", output, StringComparison.Ordinal);
        Assert.Contains("gamma = 1 (", output, StringComparison.Ordinal);
        Assert.Equal(2, output.Split("inventory").Length - 1);
        Assert.Contains("1.49", output, StringComparison.Ordinal); // γ = 0.1 average spread (see As2008SimulationTests)
    }

    [Fact]
    public async Task Bad_runs_is_a_usage_error()
    {
        var (code, _, error) = await Run("simulate", "as2008", "--runs", "0");
        Assert.Equal(2, code);
        Assert.Contains("--runs must be between 1 and 1000000", error, StringComparison.Ordinal);
    }
}
