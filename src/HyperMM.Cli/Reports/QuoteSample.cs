namespace HyperMM.Cli.Reports;

/// <summary>One quote decision: the mid, the prices we quoted, the quoted spread and the strategy's mode then.</summary>
public sealed record QuoteSample(long TimeMs, decimal Mid, decimal Bid, decimal Ask, double SpreadBps, string Mode)
{
    /// <summary>The mode name used while fill pressure widens our willingness to trade.</summary>
    public const string FillPressureMode = "FillPressure";
}
