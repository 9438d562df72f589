namespace HyperMM.Core.Model;

/// <summary>One evaluation of a <see cref="FairValue"/>: the centre's offset from mid (bps) and its decomposition terms.</summary>
public sealed record FairValueQuote(double OffsetBps, IReadOnlyList<QuoteTerm> Terms)
{
    public static FairValueQuote AtMid { get; } = new(0.0, []);
}
