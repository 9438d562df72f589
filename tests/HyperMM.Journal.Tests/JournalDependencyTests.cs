using HyperMM.TestSupport;

namespace HyperMM.Journal.Tests;

/// <summary>The journal project references Core, Microsoft.Data.Sqlite and the BCL only (no venue, no simulation, no Cli).</summary>
public sealed class JournalDependencyTests
{
    [Fact]
    public void Journal_ReferencesOnlyCoreSqliteAndTheBaseClassLibrary()
    {
        var references = typeof(JournalReader).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("HyperMM.Core", references);
        Assert.Contains("Microsoft.Data.Sqlite", references);
        Assert.All(references, name => Assert.True(
            name is "HyperMM.Core" or "Microsoft.Data.Sqlite" or "netstandard" or "System" || name.StartsWith("System.", StringComparison.Ordinal),
            $"HyperMM.Journal references {name}, which is neither Core, Microsoft.Data.Sqlite nor the BCL"));
    }

    [Fact]
    public void Journal_Csproj_HasExactlyTheAllowedReferences()
    {
        var csproj = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "src/HyperMM.Journal/HyperMM.Journal.csproj"));
        var projects = System.Text.RegularExpressions.Regex.Matches(csproj, "<ProjectReference Include=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        var packages = System.Text.RegularExpressions.Regex.Matches(csproj, "<PackageReference Include=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([@"..\HyperMM.Core\HyperMM.Core.csproj"], projects);
        Assert.Equal(["Microsoft.Data.Sqlite"], packages);
    }
}
