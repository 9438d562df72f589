using HyperMM.Simulation.Calibration;

namespace HyperMM.Cli.Config;

/// <summary>
/// The one map from a calibration (<see cref="CoinCalibration"/>) onto model keys: <c>hypermm calibrate</c> writes
/// these keys as suggestions, <c>backtest --walk-forward</c> applies them on each train window.
/// <list type="bullet">
/// <item>avellaneda_stoikov (the shipped model): <c>kappa</c> (κ of λ(δ) = A·e^(−κδ), per bps) and
/// <c>vol_prior_bps_1s</c> (σ of a 1 s return). γ is a risk choice, not a market measurement: never calibrated.</item>
/// <item>glft (issue 14 item 3; key names may change when the model lands): <c>a_per_s</c>, <c>kappa</c>,
/// <c>vol_prior_bps_1s</c>.</item>
/// <item>any other model (e.g. ladder): <c>vol_prior_bps_1s</c>, the common volatility prior.</item>
/// </list>
/// A value that cannot be measured (no intensity fit, no two mids) is left out.
/// </summary>
public static class CalibratedParameters
{
    public const string AvellanedaStoikov = "avellaneda_stoikov";

    public const string Glft = "glft";

    public static IReadOnlyList<string> Models { get; } = [AvellanedaStoikov, Glft];

    /// <summary>The keys a model takes from the market, in the order they are written, each with its value or NaN when not measurable.</summary>
    public static IReadOnlyList<(string Key, double Value)> For(CoinCalibration calibration, string model)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var kappa = calibration.Intensity is { KappaPerBps: > 0 } fit ? fit.KappaPerBps : double.NaN;
        var sigma = calibration.SigmaBps1s;
        return model switch
        {
            AvellanedaStoikov => [("kappa", kappa), ("vol_prior_bps_1s", sigma)],
            Glft => [("a_per_s", calibration.Intensity?.APerSecond ?? double.NaN), ("kappa", kappa), ("vol_prior_bps_1s", sigma)],
            _ => [("vol_prior_bps_1s", sigma)],
        };
    }

    /// <summary>True when the value was measured (finite and positive).</summary>
    public static bool IsMeasured(double value) => double.IsFinite(value) && value > 0;
}
