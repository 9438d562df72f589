using System.CommandLine;
using System.Globalization;
using HyperMM.Cli.Config;
using HyperMM.Cli.Failures;
using HyperMM.Cli.Output;
using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Model;

namespace HyperMM.Cli.Commands;

/// <summary>
/// <c>hypermm quote</c>: the full decomposition of one quote per strategy, whatever its model (the model's terms, e.g.
/// Avellaneda-Stoikov's sigma2_h → q → reservation → raw/clamped spread, then each desired order from model price →
/// touch → venue rounding → size), for given inputs. Offline: no venue needed.
/// </summary>
public static class QuoteCommand
{
    public static Command Build()
    {
        var config = CommonOptions.Config();
        var strategy = new Option<string?>("--strategy") { Description = "Only this strategy (default: all in the config)." };
        var mid = PerCoinOption("--mid", "Mid price: one value, or COIN=value per coin (e.g. --mid ETH=4300 --mid BTC=110000). Required for each quoted coin.");
        var position = PerCoinOption("--position", "Position in coin units, signed (default 0).");
        var vol = PerCoinOption("--vol", "Volatility: std of a 1-second log return in bps (default: the strategy's vol_prior_bps_1s).");
        var resting = PerCoinOption("--resting-bid", "Size of bids that may be on the book and are not replaced by this quote (counts against the cap; default 0).");
        var restingAsk = PerCoinOption("--resting-ask", "Size of asks that stay on the book (default 0).");
        var imbalance = PerCoinOption("--imbalance", "Touch imbalance I = bid size / (bid + ask size) of the book, in [0, 1] (moves a micro-price centre; default 0.5).");
        var noFill = new Option<double>("--seconds-without-fill") { Description = "Seconds since the last fill (drives fill pressure; default 0).", DefaultValueFactory = _ => 0.0 };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };

        var command = new Command("quote", "Print the quote decomposition for each strategy at a given mid, position and volatility.")
        {
            config, strategy, mid, position, vol, resting, restingAsk, imbalance, noFill, json,
        };
        command.WithExamples(
            "hypermm quote --mid ETH=4300 --mid BTC=110000 --mid HYPE=40",
            "hypermm quote --mid ETH=4285.45 --mid BTC=110000 --mid HYPE=40 --imbalance ETH=0.9");
        command.SetAction(parse => CommandRunner.Run(parse, () =>
        {
            var strategies = CommonOptions.LoadStrategies(parse.GetValue(config), parse.GetValue(strategy));
            var inputs = new QuoteRequestInputs(
                PerCoinValues.Parse("--mid", parse.GetValue(mid)),
                PerCoinValues.Parse("--position", parse.GetValue(position)),
                PerCoinValues.Parse("--vol", parse.GetValue(vol)),
                PerCoinValues.Parse("--resting-bid", parse.GetValue(resting)),
                PerCoinValues.Parse("--resting-ask", parse.GetValue(restingAsk)),
                parse.GetValue(noFill))
            {
                Imbalance = PerCoinValues.Parse("--imbalance", parse.GetValue(imbalance)),
            };
            var rows = strategies.Select(s => Compute(s, inputs)).ToList();
            var output = parse.InvocationConfiguration.Output;
            output.Write(parse.GetValue(json) ? QuoteFormatter.Json(rows) : QuoteFormatter.Table(rows));
            return 0;
        }));
        return command;
    }

    /// <summary>One strategy's quote for the command's inputs.</summary>
    public static QuoteLine Compute(StrategyParameters strategy, QuoteRequestInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(inputs);
        if (!HyperliquidPerpCatalog.TryGet(strategy.Coin, out var instrument))
        {
            throw new UsageException($"no offline instrument data for coin {strategy.Coin} (known: BTC, ETH, HYPE)");
        }

        var mid = inputs.Mid.For(strategy.Coin) ?? throw new UsageException($"--mid is missing for {strategy.Coin} (strategy {strategy.Name}): pass --mid {strategy.Coin}=<price>");
        if (mid <= 0m)
        {
            throw new UsageException(FormattableString.Invariant($"--mid for {strategy.Coin} must be positive, got {mid}"));
        }

        var vol1s = (double)(inputs.Vol.For(strategy.Coin) ?? (decimal)strategy.Volatility.PriorStdBps1s);
        if (vol1s <= 0)
        {
            throw new UsageException(FormattableString.Invariant($"--vol for {strategy.Coin} must be positive, got {vol1s}"));
        }

        var imbalance = inputs.Imbalance?.For(strategy.Coin) ?? 0.5m;
        if (imbalance is < 0m or > 1m)
        {
            throw new UsageException(FormattableString.Invariant($"--imbalance for {strategy.Coin} must be within [0, 1], got {imbalance}"));
        }

        // The book: one tick either side of --mid, so the quote sees a two-sided touch at that mid; touch sizes
        // I and 1 − I (equal by default).
        var tick = instrument.TickAt(mid);
        var bestBid = instrument.RoundPrice(mid - (tick / 2m), RoundingDirection.Down);
        var bestAsk = instrument.RoundPrice(mid + (tick / 2m), RoundingDirection.Up);
        var top = new TopOfBook(bestBid, imbalance, bestAsk, 1m - imbalance);
        var sigma2 = vol1s * vol1s * strategy.Volatility.HorizonSeconds;
        var context = new QuoteContext(
            top,
            null,
            inputs.Position.For(strategy.Coin) ?? 0m,
            inputs.UnsettledBid.For(strategy.Coin) ?? 0m,
            inputs.UnsettledAsk.For(strategy.Coin) ?? 0m,
            new MarketStatistics(sigma2, vol1s * vol1s),
            inputs.SecondsWithoutFill,
            0);
        return new QuoteLine(strategy, instrument, vol1s, context, strategy.CreateModel(instrument).Quote(context));
    }

    private static Option<string[]> PerCoinOption(string name, string description) =>
        new(name) { Description = description, AllowMultipleArgumentsPerToken = false, Arity = ArgumentArity.ZeroOrMore };
}
