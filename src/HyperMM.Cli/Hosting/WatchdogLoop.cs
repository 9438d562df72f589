namespace HyperMM.Cli.Hosting;

/// <summary>
/// The client-side dead-man switch: a separate process reads heartbeat lines from its parent (the trading
/// process) on standard input. "bye" means the parent shut down cleanly and cancelled its own orders. End of input
/// (the parent died, even by kill -9, so the pipe closed) or silence longer than the timeout (the parent hung)
/// means nobody is watching the orders: the watchdog cancels them.
/// </summary>
public static class WatchdogLoop
{
    public const string Heartbeat = "hb";
    public const string Goodbye = "bye";

    /// <summary>How the watch ended.</summary>
    public enum Outcome
    {
        /// <summary>The parent said goodbye: nothing to do.</summary>
        CleanShutdown = 0,

        /// <summary>The pipe closed without a goodbye: the parent died.</summary>
        ParentDied = 1,

        /// <summary>No heartbeat within the timeout: the parent is stuck.</summary>
        ParentSilent = 2,
    }

    public static async Task<Outcome> WatchAsync(TextReader input, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(time);
        Task<string?>? pending = null;
        while (true)
        {
            pending ??= input.ReadLineAsync(cancellationToken).AsTask();
            using var delayCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(timeout, time, delayCts.Token);
            var first = await Task.WhenAny(pending, delay).ConfigureAwait(false);
            if (first != pending)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return Outcome.ParentSilent;
            }

            await delayCts.CancelAsync().ConfigureAwait(false);
            var line = await pending.ConfigureAwait(false);
            pending = null;
            if (line is null)
            {
                return Outcome.ParentDied;
            }

            if (line.Trim() == Goodbye)
            {
                return Outcome.CleanShutdown;
            }
        }
    }
}
