using HyperMM.Cli.Failures;
using HyperMM.Cli.Safety;
using HyperMM.Core.Model;

namespace HyperMM.Cli.Hosting;

/// <summary>
/// One engine per account and per journal: before a run opens its journal or sends anything it takes the journal's
/// lease and one lease per trading account (network + address; the embedded local exchange's accounts are fresh
/// per run, so only its journal lease applies). Refused with <see cref="LeaseHeldException"/> (exit code 5) naming
/// the live holder's pid and start time; a lease left by a dead process is taken over and reported.
/// </summary>
public sealed class RunLeases : IDisposable
{
    private readonly List<Lease> _leases = [];

    private RunLeases()
    {
    }

    /// <summary>Leases taken over from runs that ended or died, one line each (for the run's output and journal).</summary>
    public IReadOnlyList<string> TakenOver { get; private set; } = [];

    public static RunLeases Acquire(RunSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        var me = new LeaseHolder(Environment.ProcessId, time.GetUtcNow(), $"hypermm run, journal {Path.GetFullPath(settings.DatabasePath)}");
        var leases = new RunLeases();
        var takenOver = new List<string>();
        try
        {
            var journal = leases.Take(
                LeaseDirectory.JournalLease(settings.DatabasePath),
                $"journal {settings.DatabasePath}",
                me,
                "stop that run first, or give this one another --db");
            Note(journal, $"journal {settings.DatabasePath}", takenOver);

            // A dry run sends nothing, so it does not need the accounts to itself (its journal, yes).
            foreach (var (_, path, what) in settings.DryRun ? [] : AccountLeases(settings))
            {
                var lease = leases.Take(path, what, me,
                    "two engines on one account would both quote full size; stop the other run first (kill -INT <pid>)");
                Note(lease, what, takenOver);
            }
        }
        catch
        {
            leases.Dispose();
            throw;
        }

        leases.TakenOver = takenOver;
        return leases;
    }

    /// <summary>
    /// The account lease of each strategy whose key is known: its lock file and how to name it. Nothing for the
    /// embedded exchange (fresh accounts every run) or a strategy without a key (connecting it reports why).
    /// </summary>
    public static IEnumerable<(StrategyParameters Strategy, string Path, string What)> AccountLeases(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (VenueConnectors.VenueIdentity(settings) is not { } venue || VenueConnectors.KeysFor(settings) is not { } keys)
        {
            yield break;
        }

        foreach (var strategy in settings.Strategies)
        {
            StrategyKey key;
            try
            {
                key = keys.Resolve(strategy);
            }
            catch (VenueSetupException)
            {
                continue;
            }

            var account = (key.Account ?? key.Key.Address).Hex;
            yield return (strategy, LeaseDirectory.AccountLease(venue, account), $"account {account} on {venue} ({strategy.Name})");
        }
    }

    public void Dispose()
    {
        foreach (var lease in _leases)
        {
            lease.Dispose();
        }

        _leases.Clear();
    }

    private static void Note(Lease lease, string what, List<string> takenOver)
    {
        if (lease.Previous is { } previous && previous.ProcessId != Environment.ProcessId)
        {
            takenOver.Add($"took over the lease on {what} from {previous}, which ended without releasing it (killed?)");
        }
    }

    private Lease Take(string path, string what, LeaseHolder me, string advice)
    {
        var lease = Lease.Acquire(path, what, me, advice);
        _leases.Add(lease);
        return lease;
    }
}
