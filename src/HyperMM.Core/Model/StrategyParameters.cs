using HyperMM.Core.Primitives;

namespace HyperMM.Core.Model;

/// <summary>
/// One strategy's immutable parameters: the keys every strategy has (<see cref="CommonParameters"/>) and its quoting
/// model with that model's keys (<see cref="Model"/>). Loaded and range-checked from <c>config/strategies.yaml</c> by
/// the CLI; the names carry their units. Initial values are the schema's defaults.
/// </summary>
public sealed record StrategyParameters
{
    private static readonly ParameterSchema Common = CommonParameters.Schema;

    public required string Name { get; init; }

    public required Coin Coin { get; init; }

    /// <summary>The quoting model and its keys' values (<c>model:</c>, default the seed's Avellaneda-Stoikov).</summary>
    public required ModelParameters Model { get; init; }

    /// <summary><c>fair_value</c> (and <c>microprice_g_ticks</c>): the centre the model quotes around; the mid by default.</summary>
    public FairValue FairValue { get; init; } = FairValue.Mid;

    /// <summary><c>mm_order_size</c>: base quote size, coin units.</summary>
    public required decimal OrderSize { get; init; }

    /// <summary><c>mm_max_abs_position</c>: |position| cap, coin units, counting resting orders.</summary>
    public required decimal MaxAbsPosition { get; init; }

    /// <summary>Minimum time between two requotes (the live cycle is event-driven but never faster than this).</summary>
    public double CycleIntervalSeconds { get; init; } = Common.Default<double>("cycle_interval_seconds");

    public required VolatilityOptions Volatility { get; init; }

    public RequoteMode RequoteMode { get; init; } = Common.Default<RequoteMode>("requote_mode");

    /// <summary>Amend mode keeps a resting order whose price is within this many bps of the new quote...</summary>
    public double AmendPriceToleranceBps { get; init; } = Common.Default<double>("amend_price_tolerance_bps");

    /// <summary>...and whose size is within this fraction of the new size.</summary>
    public double AmendSizeTolerance { get; init; } = Common.Default<double>("amend_size_tolerance");

    /// <summary>No book update for this long pulls the quotes.</summary>
    public double StaleBookSeconds { get; init; } = Common.Default<double>("stale_book_seconds");

    /// <summary>Realised + unrealised PnL below -MaxLossUsd halts the strategy and cancels its orders.</summary>
    public decimal MaxLossUsd { get; init; } = Common.Default<decimal>("max_loss_usd");

    /// <summary>|position| × mid above this halts the strategy.</summary>
    public decimal MaxNotionalUsd { get; init; } = Common.Default<decimal>("max_notional_usd");

    /// <summary>Leverage the strategy sets on its coin at start (cross margin).</summary>
    public int Leverage { get; init; } = Common.Default<int>("leverage");

    /// <summary>Name of the environment variable that holds this strategy's private key (never the key itself).</summary>
    public string KeyEnvironmentVariable { get; init; } = string.Empty;

    /// <summary>The trading account (master address). Null: the key's own address is the account.</summary>
    public Address? Account { get; init; }

    /// <summary>This strategy's quoting model, built for its instrument.</summary>
    public IQuotingModel CreateModel(Instruments.InstrumentSpec instrument) => Model.Definition.Create(this, instrument);
}
