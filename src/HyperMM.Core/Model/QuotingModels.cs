namespace HyperMM.Core.Model;

/// <summary>
/// The registry of quoting models: name → schema and factory. The config loader, <c>--sweep</c>, <c>hypermm quote</c>
/// and the strategy loop find a model here and never switch on its name. To add a model, add its definition below.
/// </summary>
public static class QuotingModels
{
    public static IReadOnlyList<QuotingModelDefinition> All { get; } =
    [
        AvellanedaStoikovModel.Definition,
        LadderModel.Definition,
        GlftModel.Definition,
    ];

    /// <summary>The model a strategy uses when its config has no <c>model:</c> key: the seed's.</summary>
    public static QuotingModelDefinition Default => AvellanedaStoikovModel.Definition;

    public static IEnumerable<string> Names => All.Select(m => m.Name);

    public static QuotingModelDefinition? Find(string name) => All.FirstOrDefault(m => m.Name == name);
}
