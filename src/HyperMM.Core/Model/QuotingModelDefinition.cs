using HyperMM.Core.Instruments;

namespace HyperMM.Core.Model;

/// <summary>
/// A quoting model as the registry knows it (<see cref="QuotingModels"/>): its config name (the value of
/// <c>model:</c>), its own keys (<see cref="Schema"/>: name, type, range, default, meaning), the rules across those keys,
/// and how to build one for a strategy and its instrument.
/// </summary>
/// <param name="Name">The value of <c>model:</c> in config/strategies.yaml, e.g. <c>avellaneda_stoikov</c>.</param>
/// <param name="Description">One line for help and docs.</param>
/// <param name="Schema">The model's own keys; all numeric.</param>
/// <param name="CheckAcross">Rules across the model's keys (each key's range is checked from the schema).</param>
/// <param name="Create">A model for one strategy (its common keys and <see cref="StrategyParameters.Model"/>) and instrument.</param>
public sealed record QuotingModelDefinition(
    string Name,
    string Description,
    ParameterSchema Schema,
    Func<ModelParameters, IEnumerable<ParameterViolation>> CheckAcross,
    Func<StrategyParameters, InstrumentSpec, IQuotingModel> Create);
