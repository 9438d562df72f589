namespace HyperMM.Cli.Safety;

/// <summary>
/// Where account leases live: a per-user state folder, so two runs with different journals (and working folders)
/// but the same account still collide. <c>HYPERMM_STATE_DIR</c> when set; else <c>$XDG_STATE_HOME/hypermm</c>; else
/// <c>~/.local/state/hypermm</c> (Windows: <c>%LOCALAPPDATA%\hypermm</c>); leases go to its <c>leases</c> subfolder.
/// </summary>
public static class LeaseDirectory
{
    public const string Variable = "HYPERMM_STATE_DIR";

    public static string StateFolder(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (environment(Variable) is { Length: > 0 } explicitFolder)
        {
            return Path.GetFullPath(explicitFolder);
        }

        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "hypermm");
        }

        return environment("XDG_STATE_HOME") is { Length: > 0 } xdg
            ? Path.Combine(xdg, "hypermm")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state", "hypermm");
    }

    /// <summary>The lock file of one trading account on one venue (<paramref name="venue"/>: testnet, mainnet, or the local exchange's host and port).</summary>
    public static string AccountLease(string venue, string account, Func<string, string?>? environment = null)
    {
        var safeVenue = string.Concat(venue.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-'));
        return Path.Combine(StateFolder(environment), "leases", $"account-{safeVenue}-{account.ToLowerInvariant()}.lease");
    }

    /// <summary>The lock file of a journal: beside it, so every run writing that file sees it.</summary>
    public static string JournalLease(string journalPath) => Path.GetFullPath(journalPath) + ".lease";
}
