using HyperMM.Core.Model;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Config;

/// <summary>The schemas (common and every model's), the shipped file and docs/MODEL.md agree on the keys.</summary>
public class ConfigDocumentationTests
{
    private static IEnumerable<ParameterSpec> AllKeys =>
        CommonParameters.Schema.Keys.Concat(QuotingModels.All.SelectMany(m => m.Schema.Keys));

    [Fact]
    public void EverySchemaKey_IsDocumentedInModelMd()
    {
        var doc = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs/MODEL.md"));
        Assert.All(AllKeys, k => Assert.Contains($"`{k.Name}`", doc, StringComparison.Ordinal));
    }

    [Fact]
    public void EverySchemaKey_AppearsInTheShippedConfig()
    {
        // Every common key, and every key of the models the shipped strategies use.
        var yaml = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "config/strategies.yaml"));
        var used = TestStrategies.All.Select(s => s.Model.Definition).Distinct().SelectMany(m => m.Schema.Keys);
        Assert.All(CommonParameters.Schema.Keys.Concat(used), k => Assert.Contains(k.Name + ":", yaml, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryModel_IsDocumentedInModelMd()
    {
        var doc = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs/MODEL.md"));
        Assert.All(QuotingModels.All, m => Assert.Contains($"`{m.Name}`", doc, StringComparison.Ordinal));
    }
}
