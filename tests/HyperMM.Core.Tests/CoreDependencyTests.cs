using System.Reflection;
using System.Text.RegularExpressions;
using HyperMM.Core.Model;
using HyperMM.TestSupport;

namespace HyperMM.Core.Tests;

/// <summary>Architecture rules that keep Core pure (CONVENTIONS.md: Core references nothing but the BCL).</summary>
public partial class CoreDependencyTests
{
    [Fact]
    public void Core_ReferencesOnlyTheBaseClassLibrary()
    {
        var core = typeof(QuoteEngine).Assembly;
        var references = core.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(
            name is "netstandard" or "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal) || name == "System",
            $"HyperMM.Core references {name}, which is not part of the BCL"));
    }

    [Fact]
    public void Core_HasNoProjectOrPackageReferences()
    {
        var csproj = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "src/HyperMM.Core/HyperMM.Core.csproj"));
        Assert.DoesNotContain("<ProjectReference", csproj, StringComparison.Ordinal);
        Assert.DoesNotContain("<PackageReference", csproj, StringComparison.Ordinal);
    }

    [Fact]
    public void Sources_NeverReadTheWallClockDirectly()
    {
        // TimeProvider is the only clock (CONVENTIONS habit 4): tests and backtests must control time.
        var offenders = Directory.EnumerateFiles(Path.Combine(SharedData.RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => WallClock().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(SharedData.RepositoryRoot, f))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Core_PublicTypesLiveInHyperMMCoreNamespaces()
    {
        var types = typeof(QuoteEngine).Assembly.GetExportedTypes();
        Assert.All(types, t => Assert.StartsWith("HyperMM.Core", t.Namespace, StringComparison.Ordinal));
        Assert.DoesNotContain(types, t => t.GetCustomAttribute<ObsoleteAttribute>() is not null);
    }

    [GeneratedRegex(@"DateTime(Offset)?\.(UtcNow|Now)\b")]
    private static partial Regex WallClock();
}
