using System.Text.Json;
using HyperMM.Cli.Commands;
using HyperMM.Cli.Config;
using HyperMM.Cli.Output;
using HyperMM.Cli.Sweeps;
using HyperMM.Core.Accounting;
using HyperMM.Core.Primitives;
using HyperMM.Simulation.Backtest;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Commands;

public class SweepTests
{
    private static string Config => Path.Combine(SharedData.RepositoryRoot, "config/strategies.yaml");

    private static string HlData => Path.Combine(SharedData.RootPath, "data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data");

    private static BacktestResult Result(decimal spread, decimal fees, decimal volume = 1000m) =>
        new("s", new Coin("ETH"), 0, 60_000, 10, new LedgerFigures { SpreadCapture = spread, Fees = fees, VolumeUsd = volume }, 0, [], [], [], [], []);

    private static List<SweepPointResult> Points(SweepSpec grid, params decimal[] totals) =>
        [.. grid.Points().Select((p, i) => new SweepPointResult(i, p, Result(totals[i], 0m)))];

    [Fact]
    public void Best_point_on_the_lowest_value_swept_is_warned_about_with_the_key_and_value()
    {
        var grid = SweepSpec.Parse("gamma=0.05:0.15:0.05");
        var ranking = SweepRanking.For("s", Points(grid, 0.3m, 0.2m, -0.1m), grid, SweepObjective.TotalPnl);

        Assert.Equal("gamma=0.05", ranking.Best.Label);
        Assert.Equal(["s: best gamma=0.05 is the lowest value swept: extend the grid"], ranking.Warnings);
        Assert.Equal(1, ranking.LosingPoints);
    }

    [Fact]
    public void Interior_best_point_gives_no_edge_warning_but_an_edge_on_another_key_does()
    {
        // gamma 0.1/0.2/0.3 x kappa 1/2: the best (0.9) is gamma=0.2 (interior), kappa=2 (highest).
        var grid = SweepSpec.Parse("gamma=0.1:0.3:0.1,kappa=1:2:1");
        var ranking = SweepRanking.For("s", Points(grid, -1m, -2m, 0.5m, 0.9m, -3m, -4m), grid, SweepObjective.TotalPnl);

        Assert.Equal("gamma=0.2 kappa=2", ranking.Best.Label);
        Assert.Equal(["s: best kappa=2 is the highest value swept: extend the grid"], ranking.Warnings);
        Assert.Equal(4, ranking.LosingPoints);
    }

    [Fact]
    public void All_points_losing_is_a_warning_and_a_single_value_key_is_not_an_edge()
    {
        var grid = SweepSpec.Parse("gamma=0.1:0.3:0.1,kappa=1.5");
        var ranking = SweepRanking.For("s", Points(grid, -1m, -0.5m, -2m), grid, SweepObjective.TotalPnl);

        Assert.Equal("gamma=0.2 kappa=1.5", ranking.Best.Label);
        Assert.Equal(["s: all 3 points lose after fees"], ranking.Warnings);
        Assert.Equal(3, ranking.LosingPoints);
    }

    [Fact]
    public void Pnl_per_volume_ranks_by_bps_of_volume_and_puts_points_without_volume_last()
    {
        var grid = SweepSpec.Parse("gamma=0.1:0.3:0.1");
        List<SweepPointResult> points =
        [
            new(0, grid.Points()[0], Result(-1m, 0m, 1000m)),    // -10 bps
            new(1, grid.Points()[1], Result(0m, 0m, 0m)),        // traded nothing: no value
            new(2, grid.Points()[2], Result(-1.5m, 0m, 5000m)),  // -3 bps: best per volume, worst in USD
        ];

        var ranking = SweepRanking.For("s", points, grid, SweepObjective.PnlPerVolume);

        Assert.Equal(["gamma=0.3", "gamma=0.1", "gamma=0.2"], ranking.Ranked.Select(p => p.Label));
        Assert.Equal(-3m, SweepObjective.PnlPerVolume.Score(ranking.Best.Result.Figures));
        Assert.Null(SweepObjective.PnlPerVolume.Score(points[1].Result.Figures));
    }

    [Fact]
    public void One_thread_and_two_threads_give_identical_figures_in_grid_order()
    {
        var runs = BacktestCommand.Prepare(HlData, StrategyConfigLoader.Load(Config).Where(s => s.Name == "mm_eth_perp").ToList(), explicitStrategy: true, TextWriter.Null);
        var grid = SweepSpec.Parse("gamma=0.1:0.2:0.1,kappa=1:2:1");

        var one = SweepRunner.Run(runs, grid, new BacktestOptions(), TextWriter.Null, threads: 1);
        var two = SweepRunner.Run(runs, grid, new BacktestOptions(), TextWriter.Null, threads: 2);

        Assert.Equal(["gamma=0.1 kappa=1", "gamma=0.1 kappa=2", "gamma=0.2 kappa=1", "gamma=0.2 kappa=2"], one.Select(p => p.Label));
        Assert.Equal(one.Select(p => p.Label), two.Select(p => p.Label));
        Assert.Equal(one.Select(p => p.Result.Figures), two.Select(p => p.Result.Figures));
        // Each point is an ordinary backtest of those parameters.
        var direct = BacktestSession.Run(SweepSpec.Apply(runs[0].Parameters, one[3].Point), runs[0].Instrument, runs[0].Events);
        Assert.Equal(direct.Figures, one[3].Result.Figures);
    }

    [Fact]
    public async Task Sweep_json_carries_ranked_points_with_markouts_the_losing_count_and_the_edge_warning()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"hypermm-sweep-{Guid.NewGuid():N}.csv");
        try
        {
            var (code, output, error) = await CliInvocation.RunAsync(
                "backtest", "--data", HlData, "--config", Config, "--strategy", "mm_eth_perp", "--sweep", "gamma=0.1:0.2:0.1", "--csv", csv, "--json");

            Assert.Equal(0, code);
            using var doc = JsonDocument.Parse(output); // stdout is the document only: no progress, no notes
            var strategy = doc.RootElement.GetProperty("strategies")[0];
            var points = strategy.GetProperty("points_ranked").EnumerateArray().ToList();
            Assert.Equal(2, points.Count);
            var losing = points.Count(p => p.GetProperty("total_pnl").GetDecimal() < 0m);
            Assert.Equal(losing, strategy.GetProperty("losing_points").GetInt32());
            Assert.True(points[0].GetProperty("total_pnl").GetDecimal() >= points[1].GetProperty("total_pnl").GetDecimal());
            foreach (var name in new[] { "markout_1s_bps", "markout_10s_bps", "markout_60s_bps", "spread_capture", "inventory_pnl", "fees", "volume_usd" })
            {
                Assert.True(points[0].TryGetProperty(name, out _), name);
            }

            var best = points[0].GetProperty("params").GetProperty("gamma").GetDouble();
            var warnings = doc.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToList();
            Assert.Contains($"mm_eth_perp: best gamma={best:0.#} is the {(best < 0.15 ? "lowest" : "highest")} value swept: extend the grid", warnings);
            Assert.Contains("2/2 runs done", error, StringComparison.Ordinal);
            Assert.Equal(3, File.ReadAllLines(csv).Length);
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
