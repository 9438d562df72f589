using System.Runtime.InteropServices;

namespace HyperMM.Cli.Hosting;

/// <summary>
/// Turns Ctrl-C (SIGINT) and SIGTERM into a cancellation token so a run can cancel its orders before it exits.
/// System.CommandLine 2.0 does not cancel the action's token on Ctrl-C, and the default handler would kill the
/// process with orders still resting; here the first signal starts the orderly shutdown and later ones only say
/// that it is under way.
/// </summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly TextWriter _notice;
    private int _signals;

    public ShutdownSignal(TextWriter notice)
    {
        _notice = notice;
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }
    }

    public CancellationToken Token => _cts.Token;

    /// <summary>Which signal started the shutdown, if one did.</summary>
    public string? Reason { get; private set; }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Increment(ref _signals) == 1)
        {
            Reason = context.Signal.ToString();
            _notice.WriteLine($"{Reason}: cancelling every order and stopping (press again only if it hangs; orders may be left)");
            _cts.Cancel();
        }
        else if (context.Signal == PosixSignal.SIGINT && _signals >= 3)
        {
            // A trader who presses Ctrl-C three times wants out now; the dead-man switch or the watchdog sweeps.
            context.Cancel = false;
        }
        else
        {
            _notice.WriteLine("still shutting down: cancelling orders");
        }
    }

    public void Dispose()
    {
        foreach (var r in _registrations)
        {
            r.Dispose();
        }

        _cts.Dispose();
    }
}
