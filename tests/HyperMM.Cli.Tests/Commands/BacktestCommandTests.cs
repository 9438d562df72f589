using HyperMM.Cli.Commands;
using HyperMM.Cli.Config;
using HyperMM.Core.Instruments;
using HyperMM.Simulation.Backtest;
using HyperMM.Simulation.Market;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Commands;

public class BacktestCommandTests
{
    private static string Config => Path.Combine(SharedData.RepositoryRoot, "config/strategies.yaml");

    private static string HlData => Path.Combine(SharedData.RootPath, "data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data");

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliInvocation.RunAsync(args);

    [Fact]
    public async Task Backtest_of_the_real_recording_reports_both_strategies_and_skips_hype()
    {
        var (code, output, error) = await Run("backtest", "--data", HlData, "--config", Config);

        Assert.Equal(0, code);
        Assert.Contains("mm_eth_perp", output, StringComparison.Ordinal);
        Assert.Contains("mm_btc_perp", output, StringComparison.Ordinal);
        foreach (var label in new[] { "fills (taker)", "volume USD", "realised PnL", "unrealised PnL", "fees", "spread capture", "inventory PnL", "total PnL", "markout 1 s", "markout 10 s", "markout 60 s", "max |inventory|", "time-weighted |inventory|", "time in fill pressure", "requests sent", "quotes per minute" })
        {
            Assert.Contains(label, output, StringComparison.Ordinal);
        }

        Assert.Contains("mm_hype_perp skipped: no HYPE data", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_ranks_the_grid_and_writes_a_csv_row_per_point()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"hypermm-sweep-{Guid.NewGuid():N}.csv");
        try
        {
            var (code, output, _) = await Run("backtest", "--data", HlData, "--config", Config, "--strategy", "mm_eth_perp", "--sweep", "gamma=0.1:0.2:0.1,kappa=1.5", "--csv", csv);

            Assert.Equal(0, code);
            Assert.Contains("ranked by total_pnl", output, StringComparison.Ordinal);
            var lines = File.ReadAllLines(csv);
            Assert.Equal(3, lines.Length); // header + gamma 0.1 and 0.2 at kappa 1.5
            Assert.Contains(lines, l => l.Contains("gamma=0.1 kappa=1.5", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("gamma=0.2 kappa=1.5", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Theory]
    [InlineData("--data", "/no/such/path", "does not exist")]
    [InlineData("--sweep", "gamma=0.3:0.1:0.1", "stop >= start")]
    [InlineData("--sweep", "alpha=1:2:1", "unknown key 'alpha'")]
    [InlineData("--queue", "fifo", "unknown model 'fifo'")]
    [InlineData("--latency", "gamma:k=2", "--latency: 'gamma:k=2' is not a latency")]
    [InlineData("--latency", "lognormal:median=80,p99=20", "0 < median < p99")]
    [InlineData("--fees", "maker=abc", "--fees: 'maker=abc' is not key=number")]
    [InlineData("--fees", "maker=0.15", "outside ±0.01")]
    [InlineData("--fees", "rebate=0.0001", "unknown key 'rebate'")]
    public async Task User_mistakes_give_one_line_and_exit_2(string option, string value, string expected)
    {
        string[] args = option == "--data"
            ? ["backtest", "--data", value, "--config", Config]
            : ["backtest", "--data", HlData, "--config", Config, option, value];
        var (code, _, error) = await Run(args);

        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Latency_ms_and_latency_together_are_refused()
    {
        var (code, _, error) = await Run("backtest", "--data", HlData, "--config", Config, "--latency-ms", "20", "--latency", "20");

        Assert.Equal(2, code);
        Assert.Contains("either --latency-ms or --latency", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fee_rates_from_the_command_line_are_charged_on_every_fill()
    {
        var free = Path.Combine(Path.GetTempPath(), $"hypermm-fees-{Guid.NewGuid():N}.csv");
        var rebate = Path.Combine(Path.GetTempPath(), $"hypermm-fees-{Guid.NewGuid():N}.csv");
        try
        {
            string[] common = ["backtest", "--data", HlData, "--config", Config, "--strategy", "mm_eth_perp", "--latency", "lognormal:median=20,p99=80"];
            Assert.Equal(0, (await Run([.. common, "--fees", "maker=0,taker=0", "--csv", free])).Code);
            Assert.Equal(0, (await Run([.. common, "--fees", "maker=-0.0001", "--csv", rebate])).Code);

            var noFees = CsvRow(free);
            var withRebate = CsvRow(rebate);
            Assert.Equal(0m, noFees["fees"]);
            // Fees do not change what the strategy does (it does not read them), so the fills are the same and the
            // all-maker rebate is -0.01 % of the traded volume (each fill's fee rounded to 6 decimals: within 1e-6 per fill).
            Assert.Equal(noFees["volume_usd"], withRebate["volume_usd"]);
            Assert.Equal(0m, noFees["taker_fills"]);
            Assert.InRange(withRebate["fees"], (-0.0001m * withRebate["volume_usd"]) - (0.000001m * withRebate["fills"]), (-0.0001m * withRebate["volume_usd"]) + (0.000001m * withRebate["fills"]));
            Assert.Equal(noFees["total_pnl"] - withRebate["fees"], withRebate["total_pnl"]);
        }
        finally
        {
            File.Delete(free);
            File.Delete(rebate);
        }
    }

    private static Dictionary<string, decimal> CsvRow(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var row = lines[1].Split(','); // the first row is the whole run (segment "all")
        var result = new Dictionary<string, decimal>();
        for (var i = 0; i < header.Length; i++)
        {
            if (decimal.TryParse(row[i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                result[header[i]] = value;
            }
        }

        return result;
    }

    [Fact]
    public void Shipped_hype_strategy_on_the_synthetic_hype_market_is_deterministic_and_within_its_rules()
    {
        var hype = StrategyConfigLoader.Load(Config).Single(s => s.Name == "mm_hype_perp");
        Assert.True(HyperliquidPerpCatalog.TryGet(hype.Coin, out var spec));
        var events = new SyntheticMarket([SyntheticCoinProfile.Hype], seed: 11, startMs: 1_757_000_000_000).Step(TimeSpan.FromMinutes(30));

        // As shipped, HYPE quotes ~30 bps wide: a half-spread of ~6 one-second sigmas, which a Gaussian mid does not
        // reach between requotes, so it quotes all along without a fill. A tighter copy (gamma 0.02, 2 bps floor)
        // trades and must stay inside the same cap and venue rules.
        var tight = hype.With(("gamma", 0.02), ("min_spread_bps", 2));
        foreach (var parameters in new[] { hype, tight })
        {
            var first = BacktestSession.Run(parameters, spec, events);
            var second = BacktestSession.Run(parameters, spec, events);

            Assert.Equal(first.Figures, second.Figures);
            Assert.True(first.Figures.Counters.Requests > 0);
            Assert.Equal(0, first.ClientBugRejections);
            Assert.All(first.Quotes.Where(q => q.Bid > 0m), q => Assert.True(spec.IsValidPrice(q.Bid)));
            Assert.All(first.Fills, f => Assert.True(spec.IsValidPrice(f.Price) && spec.IsValidSize(f.Size)));
            Assert.All(first.Inventory, p => Assert.True(Math.Abs(p.Position) <= parameters.MaxAbsPosition));
            if (parameters == tight)
            {
                Assert.True(first.Figures.Fills > 0, $"the tight copy should trade: {first.Figures}");
            }
        }
    }

    [Fact]
    public void Shipped_eth_and_btc_strategies_replay_the_real_files_within_their_rules()
    {
        var runs = BacktestCommand.Prepare(HlData, StrategyConfigLoader.Load(Config), explicitStrategy: false, TextWriter.Null);
        Assert.Equal(["mm_eth_perp", "mm_btc_perp"], runs.Select(r => r.Parameters.Name));
        foreach (var run in runs)
        {
            var a = BacktestSession.Run(run.Parameters, run.Instrument, run.Events);
            var b = BacktestSession.Run(run.Parameters, run.Instrument, run.Events);
            Assert.Equal(a.Figures, b.Figures);
            Assert.Equal(0, a.ClientBugRejections);
            Assert.All(a.Inventory, p => Assert.True(Math.Abs(p.Position) <= run.Parameters.MaxAbsPosition));
            Assert.All(a.Fills, f => Assert.True(run.Instrument.IsValidSize(f.Size)));
        }
    }

    [Fact]
    public async Task Raw_ws_capture_and_own_recording_replay_through_the_command()
    {
        var capture = SharedData.File("data/hftbacktest/examples/hyperliquid/btcusd_20250126.gz");
        var (code, output, _) = await Run("backtest", "--data", capture, "--config", Config);
        Assert.Equal(0, code);
        Assert.Contains("0.4 min, 110 events", output, StringComparison.Ordinal); // 46 books + 64 trades (SOURCES.md §5)

        var recording = Path.Combine(Path.GetTempPath(), $"hypermm-rec-{Guid.NewGuid():N}.jsonl.gz");
        try
        {
            var market = new SyntheticMarket([SyntheticCoinProfile.Eth], seed: 4, startMs: 1_757_000_000_000);
            using (var writer = RecordingWriter.Create(recording))
            {
                foreach (var e in market.Step(TimeSpan.FromMinutes(2)))
                {
                    if (e.Kind == MarketEventKind.Book)
                    {
                        writer.WriteBook(e.TimeMs, e.Book!);
                    }
                    else
                    {
                        writer.WriteTrades(e.TimeMs, [e.Trade]);
                    }
                }
            }

            var (recCode, recOutput, _) = await Run("backtest", "--data", recording, "--config", Config, "--strategy", "mm_eth_perp");
            Assert.Equal(0, recCode);
            Assert.Contains("mm_eth_perp", recOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(recording);
        }
    }
}
