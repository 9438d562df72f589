using HyperMM.Core.Accounting;

namespace HyperMM.Cli.Sweeps;

/// <summary>One strategy's walk-forward: every fold, the out-of-sample figures of all test windows combined, and warnings.</summary>
public sealed record WalkForwardResult(string Strategy, string Coin, IReadOnlyList<WalkForwardFold> Folds, LedgerFigures OutOfSample, IReadOnlyList<string> Warnings)
{
    public long StartMs => Folds[0].Window.TestStartMs;

    public long EndMs => Folds[^1].Window.TestEndMs;
}
