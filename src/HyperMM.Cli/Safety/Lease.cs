namespace HyperMM.Cli.Safety;

/// <summary>
/// An exclusive lease on one resource (a trading account, a journal file), held for as long as this process keeps
/// it: an OS file lock (flock through a <see cref="FileStream"/> opened with <see cref="FileShare.None"/>) on
/// <c>NAME.lease</c>, which the kernel releases when the process dies, even by kill -9, so a stale lease is simply
/// taken over. The holder writes its pid, start time and what it is into <c>NAME.lease.holder</c> so that a refused
/// run can say who is in the way, and clears it on release (a record found by the next taker means the holder died). Lease files are never deleted (deleting a lock file races with the next taker).
/// </summary>
public sealed class Lease : IDisposable
{
    private readonly FileStream _lock;

    private Lease(FileStream lockFile, string path, LeaseHolder? previous)
    {
        _lock = lockFile;
        Path = path;
        Previous = previous;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>The last holder recorded before this one (a run that ended or died), if any.</summary>
    public LeaseHolder? Previous { get; }

    /// <summary>Takes the lease or throws <see cref="LeaseHeldException"/> naming the live holder.</summary>
    /// <param name="path">The lock file (its folder is created).</param>
    /// <param name="what">What the lease guards, for the message ("account 0x… on testnet").</param>
    /// <param name="holder">Who we are, recorded for the next one.</param>
    /// <param name="advice">What the refused trader should do.</param>
    public static Lease Acquire(string path, string what, LeaseHolder holder, string advice)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(holder);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        FileStream lockFile;
        try
        {
            lockFile = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            var current = ReadHolder(path);
            throw new LeaseHeldException(
                $"{what} is in use by another live run ({current?.ToString() ?? "holder unknown"}): {advice}", ex);
        }

        var previous = ReadHolder(path);
        try
        {
            File.WriteAllText(HolderPath(path), holder.Text());
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }

        return new Lease(lockFile, path, previous);
    }

    /// <summary>Who holds (or last held) the lease at <paramref name="path"/>.</summary>
    public static LeaseHolder? ReadHolder(string path)
    {
        try
        {
            return LeaseHolder.Parse(File.ReadAllText(HolderPath(path)));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True when a live process holds the lease right now (probes by trying to take it).</summary>
    public static bool IsHeld(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Releases the lease; the holder record is cleared first, so the next taker sees a clean hand-over.</summary>
    public void Dispose()
    {
        try
        {
            File.WriteAllText(HolderPath(Path), string.Empty);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        _lock.Dispose();
    }

    private static string HolderPath(string path) => path + ".holder";
}
