using System.Diagnostics;

namespace HyperMM.Cli.Hosting;

/// <summary>
/// The trading process's side of the client-side dead-man switch: starts <c>hypermm watchdog</c> as a child with a
/// pipe on its standard input and writes the strategies' heartbeats (<see cref="StrategyHeartbeats"/>) every
/// <see cref="HeartbeatInterval"/>. If this process dies (even by kill -9) the pipe closes; if it freezes or a loop
/// sticks, the beats stop; either way the watchdog cancels the orders concerned.
/// </summary>
public sealed class WatchdogProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StrategyHeartbeats _beats;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private bool _done;

    private WatchdogProcess(Process process, StrategyHeartbeats beats, TimeSpan interval, TimeProvider time)
    {
        _process = process;
        _beats = beats;
        _timer = time.CreateTimer(_ => Beat(), null, TimeSpan.Zero, interval);
    }

    public int ProcessId => _process.Id;

    /// <summary>A third of the watchdog's timeout, at most 5 s: two beats can be lost before the watchdog acts.</summary>
    public static TimeSpan HeartbeatInterval(TimeSpan timeout) => TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(5).Ticks, timeout.Ticks / 3));

    /// <summary>Starts the watchdog with the given <c>hypermm</c> arguments (after "watchdog").</summary>
    public static WatchdogProcess Start(IEnumerable<string> arguments, StrategyHeartbeats beats, TimeSpan timeout, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(beats);
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = false,
            UseShellExecute = false,
        };
        var (fileName, prefix) = SelfCommand();
        start.FileName = fileName;
        foreach (var a in prefix.Concat(["watchdog", "--timeout-seconds", ((int)Math.Ceiling(timeout.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture)]).Concat(arguments))
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the watchdog process");
        return new WatchdogProcess(process, beats, HeartbeatInterval(timeout), time);
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

    private void Beat() => Write(_beats.NextBeat());

    private void Write(IReadOnlyList<string> lines)
    {
        lock (_gate)
        {
            if (_done || lines.Count == 0)
            {
                return;
            }

            try
            {
                foreach (var line in lines)
                {
                    _process.StandardInput.WriteLine(line);
                }

                _process.StandardInput.Flush();
            }
            catch (IOException)
            {
                // The watchdog is gone; nothing more to tell it.
                _done = true;
            }
        }
    }

    /// <summary>
    /// End of the run. When every strategy confirmed its orders gone the watchdog is told goodbye; otherwise the pipe
    /// is closed without one and the watchdog sweeps the strategies that did not confirm. Waits for it to finish.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync().ConfigureAwait(false);
        Write(_beats.NextBeat());
        Write(_beats.AllDone ? [WatchdogLoop.Goodbye] : []);
        lock (_gate)
        {
            _done = true;
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
            }
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(90));
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
