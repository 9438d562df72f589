using HyperMM.Cli.Config;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Config;

/// <summary>The schema, the shipped file and docs/MODEL.md agree on the keys.</summary>
public class ConfigDocumentationTests
{
    [Fact]
    public void EverySchemaKey_IsDocumentedInModelMd()
    {
        var doc = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs/MODEL.md"));
        Assert.All(StrategyConfigSchema.Keys, k => Assert.Contains($"`{k.Name}`", doc, StringComparison.Ordinal));
    }

    [Fact]
    public void EverySchemaKey_AppearsInTheShippedConfig()
    {
        var yaml = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "config/strategies.yaml"));
        Assert.All(StrategyConfigSchema.Keys, k => Assert.Contains(k.Name + ":", yaml, StringComparison.Ordinal));
    }
}
