using System.Runtime.InteropServices;

namespace HyperMM.Cli.Commands;

/// <summary>
/// A token cancelled by Ctrl-C (SIGINT), SIGTERM, an optional duration (counted from <see cref="StartDuration"/>,
/// i.e. once start-up is done) or the caller's token. System.CommandLine 2.0.0 does not cancel the action's token on
/// Ctrl-C, so long-running commands use this.
/// </summary>
public sealed class ConsoleCancellation : IDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly List<PosixSignalRegistration> _registrations = [];

    public ConsoleCancellation(CancellationToken outer)
    {
        _cts = CancellationTokenSource.CreateLinkedTokenSource(outer);

        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true; // keep the process alive: we shut down in order
                _cts.Cancel();
            }));
        }
    }

    public CancellationToken Token => _cts.Token;

    /// <summary>Cancels after <paramref name="duration"/> from now (null: only a signal or the caller stops it).</summary>
    public void StartDuration(TimeSpan? duration)
    {
        if (duration is { } d)
        {
            _cts.CancelAfter(d);
        }
    }

    /// <summary>Waits until cancelled.</summary>
    public async Task WaitAsync()
    {
        try
        {
            await Task.Delay(Timeout.Infinite, _cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C, SIGTERM or the duration
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
