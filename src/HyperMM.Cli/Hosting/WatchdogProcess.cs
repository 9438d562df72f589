using System.Diagnostics;

namespace HyperMM.Cli.Hosting;

/// <summary>
/// The trading process's side of the client-side dead-man switch: starts <c>hypermm watchdog</c> as a child with a
/// pipe on its standard input, writes a heartbeat every <see cref="HeartbeatInterval"/>, and says goodbye after an
/// orderly shutdown. If this process dies (even by kill -9) the pipe closes and the watchdog cancels our orders.
/// </summary>
public sealed class WatchdogProcess : IAsyncDisposable
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private bool _done;

    private WatchdogProcess(Process process, TimeProvider time)
    {
        _process = process;
        _timer = time.CreateTimer(_ => Beat(), null, TimeSpan.Zero, HeartbeatInterval);
    }

    public int ProcessId => _process.Id;

    /// <summary>Starts the watchdog with the given <c>hypermm</c> arguments (after "watchdog").</summary>
    public static WatchdogProcess Start(IEnumerable<string> arguments, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = false,
            UseShellExecute = false,
        };
        var (fileName, prefix) = SelfCommand();
        start.FileName = fileName;
        foreach (var a in prefix.Concat(["watchdog"]).Concat(arguments))
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the watchdog process");
        return new WatchdogProcess(process, time);
    }

    /// <summary>How to start this same program again: the apphost directly, or <c>dotnet hypermm.dll</c>.</summary>
    public static (string FileName, IReadOnlyList<string> Prefix) SelfCommand()
    {
        var processPath = Environment.ProcessPath ?? "dotnet";
        var assembly = typeof(WatchdogProcess).Assembly.Location;
        return Path.GetFileNameWithoutExtension(processPath) == "hypermm"
            ? (processPath, [])
            : ("dotnet", [assembly]);
    }

    private void Beat() => Write(WatchdogLoop.Heartbeat);

    private void Write(string line)
    {
        lock (_gate)
        {
            if (_done)
            {
                return;
            }

            try
            {
                _process.StandardInput.WriteLine(line);
                _process.StandardInput.Flush();
            }
            catch (IOException)
            {
                // The watchdog is gone; nothing more to tell it.
                _done = true;
            }
        }
    }

    /// <summary>Orderly end: our orders are already cancelled, so the watchdog may leave without sweeping.</summary>
    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync().ConfigureAwait(false);
        Write(WatchdogLoop.Goodbye);
        lock (_gate)
        {
            _done = true;
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
