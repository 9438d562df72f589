using System.Text.Json;
using HyperMM.Cli.Commands;
using HyperMM.Cli.Config;
using HyperMM.Cli.Sweeps;
using HyperMM.Core.Accounting;
using HyperMM.Core.Model;
using HyperMM.Simulation.Backtest;
using HyperMM.Simulation.Calibration;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Commands;

public class WalkForwardTests
{
    private static string Config => Path.Combine(SharedData.RepositoryRoot, "config/strategies.yaml");

    private static string HlData => Path.Combine(SharedData.RootPath, "data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data");

    private static IReadOnlyList<BacktestRun> EthRun() =>
        BacktestCommand.Prepare(HlData, [.. StrategyConfigLoader.Load(Config).Where(s => s.Name == "mm_eth_perp")], explicitStrategy: true, TextWriter.Null);

    [Fact]
    public void Each_fold_runs_its_chosen_point_from_flat_on_the_test_window_and_the_total_adds_the_folds()
    {
        var runs = EthRun();
        var grid = SweepSpec.Parse("gamma=0.1:0.2:0.1");
        var result = Assert.Single(WalkForward.Run(runs, WalkForwardOption.Parse("train=10m,test=5m"), grid, SweepObjective.TotalPnl, new BacktestOptions(), TextWriter.Null, threads: 2));

        // 34.9 minutes: train 0-10/test 10-15 ... train 15-25/test 25-30; a fifth test (30-35 min) would pass the end.
        Assert.Equal(4, result.Folds.Count);
        foreach (var fold in result.Folds)
        {
            var w = fold.Window;
            Assert.Equal(w.TrainEndMs, w.TestStartMs);
            Assert.True(w.Train[^1].TimeMs < w.TestStartMs && w.Test[0].TimeMs >= w.TestStartMs);

            // The calibration is the train window's own, applied as calibrate prints it (4 significant digits).
            var calibration = MarketCalibrator.Calibrate(runs[0].Instrument.Coin, w.Train);
            var chosen = fold.Chosen.ToDictionary(c => c.Key, c => c.Value);
            Assert.Equal(calibration.Intensity!.KappaPerBps, chosen["kappa"], 3.0 / 1000 * calibration.Intensity.KappaPerBps);
            Assert.Equal(calibration.SigmaBps1s, chosen["vol_prior_bps_1s"], 3.0 / 1000 * calibration.SigmaBps1s);
            Assert.Contains(chosen["gamma"], new[] { 0.1, 0.2 });

            // The chosen point is the in-sample best: no grid point did better on the train window.
            Assert.All(fold.InSample.Ranked, p => Assert.True(p.Result.Figures.TotalPnl <= fold.InSample.Best.Result.Figures.TotalPnl));
            Assert.Equal(chosen["gamma"], fold.InSample.Best.Point.Single().Value);

            // Out of sample = an ordinary backtest of the chosen parameters on the test window alone (from flat).
            var parameters = fold.Chosen.Aggregate(runs[0].Parameters, (p, c) => ParameterFields.Set(p, c.Key, c.Value));
            var direct = BacktestSession.Run(parameters, runs[0].Instrument, w.Test);
            Assert.Equal(direct.Figures, fold.OutOfSample.Figures);
        }

        Assert.Equal(result.Folds.Sum(f => f.OutOfSample.Figures.TotalPnl), result.OutOfSample.TotalPnl);
        Assert.Equal(result.Folds.Sum(f => f.OutOfSample.Figures.Fills), result.OutOfSample.Fills);
        Assert.Equal(result.Folds.Sum(f => f.OutOfSample.Figures.Markout(10)!.PnlUsd), result.OutOfSample.Markout(10)!.PnlUsd);
    }

    [Fact]
    public void One_thread_and_two_threads_give_the_same_folds()
    {
        var runs = EthRun();
        var spec = WalkForwardOption.Parse("train=10m,test=10m,calibrate=off");
        var grid = SweepSpec.Parse("kappa=1:2:1");

        var one = WalkForward.Run(runs, spec, grid, SweepObjective.TotalPnl, new BacktestOptions(), TextWriter.Null, threads: 1)[0];
        var two = WalkForward.Run(runs, spec, grid, SweepObjective.TotalPnl, new BacktestOptions(), TextWriter.Null, threads: 2)[0];

        Assert.Equal(one.Folds.Select(f => f.ChosenLabel), two.Folds.Select(f => f.ChosenLabel));
        Assert.Equal(one.Folds.Select(f => f.OutOfSample.Figures), two.Folds.Select(f => f.OutOfSample.Figures));
        Assert.Equal(one.OutOfSample, two.OutOfSample);
        // calibrate=off keeps the configured values of every key but the swept one.
        Assert.All(one.Folds, f => Assert.Equal(["kappa"], f.Chosen.Select(c => c.Key)));
    }

    [Fact]
    public async Task Json_has_the_backtest_shape_plus_folds_and_warnings_and_csv_a_row_per_fold()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"hypermm-wf-{Guid.NewGuid():N}.csv");
        try
        {
            var (code, output, _) = await CliInvocation.RunAsync("backtest", "--data", HlData, "--config", Config, "--strategy", "mm_eth_perp",
                "--walk-forward", "train=15m,test=10m", "--sweep", "gamma=0.1:0.2:0.1", "--json", "--csv", csv);

            Assert.Equal(0, code);
            using var doc = JsonDocument.Parse(output);
            Assert.Equal("walk-forward", doc.RootElement.GetProperty("source").GetString());
            var strategy = doc.RootElement.GetProperty("strategies")[0];
            var folds = strategy.GetProperty("folds").EnumerateArray().ToList();
            Assert.Single(folds); // 34.9 min: one train 15 + test 10; the second would end at 35 min
            var fold = folds[0];
            Assert.Equal(fold.GetProperty("train_end_ms").GetInt64(), fold.GetProperty("start_ms").GetInt64());
            Assert.Equal(fold.GetProperty("total_pnl").GetDecimal(), strategy.GetProperty("total_pnl").GetDecimal());
            foreach (var name in new[] { "markout_1s_bps", "markout_10s_bps", "markout_60s_bps", "fees", "spread_capture", "inventory_pnl", "volume_usd", "max_abs_inventory", "requests" })
            {
                Assert.True(fold.TryGetProperty(name, out _), name);
                Assert.True(strategy.TryGetProperty(name, out _), name);
            }

            Assert.True(fold.GetProperty("params").TryGetProperty("kappa", out _));
            Assert.True(fold.GetProperty("calibration").GetProperty("kappa_per_bps").GetDouble() > 0);
            Assert.True(fold.GetProperty("in_sample").TryGetProperty("objective_value", out _));
            Assert.Equal(JsonValueKind.Array, doc.RootElement.GetProperty("warnings").ValueKind);

            var lines = File.ReadAllLines(csv);
            Assert.Equal(3, lines.Length); // header, fold 1, all
            Assert.StartsWith("mm_eth_perp,ETH,1,", lines[1], StringComparison.Ordinal);
            Assert.StartsWith("mm_eth_perp,ETH,all,", lines[2], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Theory]
    [InlineData("train=30m,test=10m", "--walk-forward: mm_eth_perp: the ETH data is shorter than one train + test window (40 min needed; the longest stretch without a gap over 60 s is 34.9")]
    [InlineData("train=10m", "needs train= and test=")]
    [InlineData("train=10m,test=5m,step=2m", "step 2m is shorter than test 5m")]
    [InlineData("train=10m,test=5x", "unknown unit 'x'")]
    [InlineData("window=10m", "'window=10m' is not train=, test=, step= or calibrate=")]
    [InlineData("train=10m,test=5m,calibrate=maybe", "calibrate=maybe is not on or off")]
    public async Task Mistakes_give_one_line_and_exit_2(string spec, string expected)
    {
        var (code, _, error) = await CliInvocation.RunAsync("backtest", "--data", HlData, "--config", Config, "--strategy", "mm_eth_perp", "--walk-forward", spec);

        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }
}
