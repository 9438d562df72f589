namespace HyperMM.TestSupport;

/// <summary>
/// Locates the team's shared material (../shared beside the checkout): recorded market data and the protocol
/// reference. Tests read it in place, never from a copy in this repository, and fail loudly when it is missing.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Absolute path of the shared folder.</summary>
    public static string RootPath => Root.Value;

    /// <summary>Absolute path of a file under the shared folder; throws with a clear message when it is absent.</summary>
    public static string File(string relativePath)
    {
        var path = Path.Combine(RootPath, relativePath);
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException($"Shared test data '{relativePath}' is missing (looked for {path}).", path);
        }

        return path;
    }

    /// <summary>The repository root (the folder holding HyperMM.slnx).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "HyperMM.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("HyperMM.slnx not found above " + AppContext.BaseDirectory);
    }

    private static string FindRoot()
    {
        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        if (!Directory.Exists(Path.Combine(candidate, "data")))
        {
            throw new DirectoryNotFoundException(
                $"The shared data folder was not found at {candidate}: clone the project beside 'shared' (see README).");
        }

        return candidate;
    }
}
