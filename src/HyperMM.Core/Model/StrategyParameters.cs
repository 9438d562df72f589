using HyperMM.Core.Primitives;

namespace HyperMM.Core.Model;

/// <summary>
/// One strategy's immutable parameters. Loaded and range-checked from <c>config/strategies.yaml</c> by the CLI;
/// the names carry their units.
/// </summary>
public sealed record StrategyParameters
{
    public required string Name { get; init; }

    public required Coin Coin { get; init; }

    /// <summary><c>mm_order_size</c>: base quote size, coin units.</summary>
    public required decimal OrderSize { get; init; }

    /// <summary><c>mm_max_abs_position</c>: |position| cap, coin units, counting resting orders.</summary>
    public required decimal MaxAbsPosition { get; init; }

    /// <summary>Risk aversion γ (per bps² of variance, see docs/MODEL.md).</summary>
    public required double Gamma { get; init; }

    /// <summary>Order-arrival decay κ (per bps).</summary>
    public required double Kappa { get; init; }

    public required double MinSpreadBps { get; init; }

    public required double MaxSpreadBps { get; init; }

    /// <summary><c>mm_target_fill_seconds</c>: seconds without a fill before fill pressure starts.</summary>
    public double TargetFillSeconds { get; init; } = 30.0;

    /// <summary>Minimum time between two requotes (the live cycle is event-driven but never faster than this).</summary>
    public double CycleIntervalSeconds { get; init; } = 1.0;

    public required VolatilityOptions Volatility { get; init; }

    /// <summary>Size-skew strength η (see <see cref="Model.SizeSkew"/>).</summary>
    public double SizeSkew { get; init; } = 1.0;

    public FillPressureOptions FillPressure { get; init; } = new();

    public RequoteMode RequoteMode { get; init; } = RequoteMode.Amend;

    /// <summary>Amend mode keeps a resting order whose price is within this many bps of the new quote...</summary>
    public double AmendPriceToleranceBps { get; init; } = 1.0;

    /// <summary>...and whose size is within this fraction of the new size.</summary>
    public double AmendSizeTolerance { get; init; } = 0.25;

    /// <summary>No book update for this long pulls the quotes.</summary>
    public double StaleBookSeconds { get; init; } = 10.0;

    /// <summary>Realised + unrealised PnL below -MaxLossUsd halts the strategy and cancels its orders.</summary>
    public decimal MaxLossUsd { get; init; } = 100m;

    /// <summary>|position| × mid above this halts the strategy.</summary>
    public decimal MaxNotionalUsd { get; init; } = 2_000m;

    /// <summary>Leverage the strategy sets on its coin at start (cross margin).</summary>
    public int Leverage { get; init; } = 5;

    /// <summary>Name of the environment variable that holds this strategy's private key (never the key itself).</summary>
    public string KeyEnvironmentVariable { get; init; } = string.Empty;

    /// <summary>The trading account (master address). Null: the key's own address is the account.</summary>
    public Address? Account { get; init; }
}
