namespace HyperMM.Core.Model;

/// <summary>
/// How short-term volatility is estimated (see docs/MODEL.md, "Volatility").
/// </summary>
/// <param name="SampleIntervalSeconds">Mid sampling interval; one log return per interval. Default 1 s.</param>
/// <param name="WindowSamples">Rolling window length in samples. Default 300 (5 minutes at 1 s).</param>
/// <param name="HorizonSeconds">h in sigma2_h: per-second variance × h. Default 60 s.</param>
/// <param name="PriorStdBps1s">Prior standard deviation of a 1-second log return, in bps.</param>
/// <param name="PriorWeightSamples">How many samples the prior counts as (shrinkage weight). Default 60.</param>
/// <param name="OutlierClipSigmas">A return larger than this many current standard deviations is clipped. Default 5.</param>
public sealed record VolatilityOptions(
    double SampleIntervalSeconds,
    int WindowSamples,
    double HorizonSeconds,
    double PriorStdBps1s,
    double PriorWeightSamples,
    double OutlierClipSigmas = 5.0)
{
    /// <summary>The schema's defaults (<see cref="CommonParameters"/>) with a prior.</summary>
    public static VolatilityOptions Default(double priorStdBps1s) => new(
        CommonParameters.Schema.Default<double>("vol_sample_interval_seconds"),
        CommonParameters.Schema.Default<int>("vol_window_samples"),
        CommonParameters.Schema.Default<double>("vol_horizon_seconds"),
        priorStdBps1s,
        CommonParameters.Schema.Default<double>("vol_prior_weight_samples"));
}
