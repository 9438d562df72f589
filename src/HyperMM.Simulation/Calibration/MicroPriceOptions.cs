namespace HyperMM.Simulation.Calibration;

/// <summary>Settings of <see cref="MicroPriceFitter"/> (docs/MODEL.md, "Micro-price fair value").</summary>
public sealed record MicroPriceOptions
{
    /// <summary>Imbalance buckets n (odd, so I = 0.5 has a bucket of its own that is its own mirror).</summary>
    public int Buckets { get; init; } = 5;

    /// <summary>Spread states: 1 to this many ticks; books with a wider spread are left out, as in the paper.</summary>
    public int MaxSpreadTicks { get; init; } = 2;

    /// <summary>A state seen fewer times than this (original and mirrored transitions) gets no adjustment (0).</summary>
    public int MinTransitionsPerState { get; init; } = 20;

    /// <summary>Iterations of G^(i+1) = G^1 + B·G^i at most; the fit stops earlier when no value moves by 1e-9 tick.</summary>
    public int MaxIterations { get; init; } = 500;

    public static MicroPriceOptions Default { get; } = new();
}
