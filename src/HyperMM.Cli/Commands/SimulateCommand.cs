using System.CommandLine;
using System.Globalization;
using System.Text;
using HyperMM.Cli.Failures;
using HyperMM.Cli.Output;
using HyperMM.Simulation.Paper;

namespace HyperMM.Cli.Commands;

/// <summary><c>hypermm simulate as2008</c>: the Avellaneda-Stoikov (2008) Monte Carlo and the paper's table.</summary>
public static class SimulateCommand
{
    public static Command Build()
    {
        var gamma = new Option<double[]>("--gamma") { Description = "Risk aversion; repeat for several tables (default 0.1).", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = true };
        var runs = new Option<int>("--runs") { Description = "Simulated paths (default 1000).", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Random seed (default 1).", DefaultValueFactory = _ => 1 };
        var as2008 = new Command("as2008", "Avellaneda & Stoikov (2008): inventory strategy vs a symmetric strategy with the same average spread.")
        {
            gamma, runs, seed,
        };
        as2008.WithExamples(
            "hypermm simulate as2008 --runs 200 --gamma 0.1");
        as2008.SetAction(parse => CommandRunner.Run(parse, () =>
        {
            var gammas = parse.GetValue(gamma) is { Length: > 0 } g ? g : [0.1];
            var n = parse.GetValue(runs);
            if (n is < 1 or > 1_000_000)
            {
                throw new UsageException($"--runs must be between 1 and 1000000, got {n}");
            }

            if (gammas.Any(x => !(x > 0) || double.IsInfinity(x)))
            {
                throw new UsageException("--gamma must be positive");
            }

            var output = parse.InvocationConfiguration.Output;
            foreach (var value in gammas)
            {
                output.Write(Table(new As2008Parameters(value, n, parse.GetValue(seed))));
            }

            return 0;
        }));
        return new Command("simulate", "Paper experiments.") { as2008 };
    }

    public static string Table(As2008Parameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var (inventory, symmetric) = As2008Simulation.Run(p);
        var table = new TextTable("strategy", "average spread", "profit", "std(profit)", "final q", "std(final q)");
        foreach (var r in new[] { inventory, symmetric })
        {
            table.Add(r.Strategy, F(r.AverageSpread, "0.00"), F(r.MeanProfit, "0.00"), F(r.StdProfit, "0.00"), F(r.MeanFinalInventory, "0.00"), F(r.StdFinalInventory, "0.00"));
        }

        return new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"gamma = {p.Gamma} (s = {p.S0}, T = {p.T}, sigma = {p.Sigma}, dt = {p.Dt}, k = {p.K}, A = {p.A}; {p.Runs} runs, seed {p.Seed})\n")
            .Append(table).Append('\n').ToString();
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
