using System.Globalization;
using System.Text;
using HyperMM.Cli.Config;
using HyperMM.Simulation.Calibration;

namespace HyperMM.Cli.Output;

/// <summary>
/// The YAML fragment of parameters <c>hypermm calibrate</c> suggests, per coin and per model; which numeric keys a
/// model takes from a calibration is <see cref="CalibratedParameters"/> (also applied by <c>backtest --walk-forward</c>).
/// <list type="bullet">
/// <item>Avellaneda-Stoikov (the shipped model): <c>kappa</c> and <c>vol_prior_bps_1s</c>. gamma is a risk choice,
/// not a property of the market: keep the shipped value.</item>
/// <item>GLFT (<c>GlftModel</c>): <c>model: glft</c>, <c>a_per_s</c>, <c>kappa</c>, <c>vol_prior_bps_1s</c>; gamma,
/// a risk choice, is left to the user.</item>
/// <item>Micro-price centre (any model): <c>fair_value: microprice</c> and the fitted table <c>microprice_g_ticks</c>
/// (rows: spread of 1, 2, ... ticks; columns: imbalance buckets, low to high).</item>
/// </list>
/// </summary>
public static class CalibrationYaml
{
    public static string Fragment(string source, IReadOnlyList<CoinCalibration> coins)
    {
        ArgumentNullException.ThrowIfNull(coins);
        var sb = new StringBuilder()
            .Append("# Suggested by `hypermm calibrate --data ").Append(source).Append("`.\n")
            .Append("# Copy a model's keys into the strategy of that coin in config/strategies.yaml.\n")
            .Append("# avellaneda_stoikov: gamma is a risk choice, not a market measurement: keep the shipped gamma.\n")
            .Append("# glft: A and kappa as measured; choose gamma (docs/MODEL.md §12, e.g. 0.1).\n")
            .Append("# microprice: a centre for any model; add both keys to a strategy of that coin.\n")
            .Append("suggested:\n");
        foreach (var c in coins)
        {
            sb.Append("  ").Append(c.Coin.Name).Append(":\n");
            sb.Append(CultureInfo.InvariantCulture, $"    # {c.Seconds:0} s of data, {c.TakerOrders} taker orders; ")
                .Append(c.Intensity is { } f ? $"intensity fit R² {F(f.R2, "0.000")} on {F(f.MinDepthBps, "0.###")}-{F(f.MaxDepthBps, "0.###")} bps" : "no intensity fit (too few trades beyond the touch)")
                .Append('\n');
            foreach (var model in CalibratedParameters.Models)
            {
                sb.Append("    ").Append(model).Append(":\n");
                if (model != CalibratedParameters.AvellanedaStoikov)
                {
                    sb.Append("      model: ").Append(model).Append('\n');
                }

                foreach (var (key, value) in CalibratedParameters.For(c, model))
                {
                    Key(sb, key, value, key == "a_per_s" ? "0.####" : "0.###");
                }
            }

            sb.Append("    microprice:\n");
            if (c.MicroPrice is { } m)
            {
                sb.Append("      fair_value: microprice\n").Append("      microprice_g_ticks: [")
                    .AppendJoin(", ", Enumerable.Range(1, m.Table.MaxSpreadTicks).Select(s => "[" + string.Join(", ", m.Table.Row(s).Select(g => F(g, "0.####"))) + "]"))
                    .Append("]\n");
            }
            else
            {
                sb.Append("      # fair_value: microprice not suggested (").Append(c.MicroPriceProblem).Append(")\n");
            }
        }

        return sb.ToString();
    }

    private static void Key(StringBuilder sb, string key, double value, string format)
    {
        sb.Append("      ");
        if (CalibratedParameters.IsMeasured(value))
        {
            sb.Append(key).Append(": ").Append(F(value, format)).Append('\n');
        }
        else
        {
            sb.Append("# ").Append(key).Append(": not suggested (not measurable from this data)\n");
        }
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
