using System.Threading.Channels;

namespace HyperMM.Cli.Hosting;

/// <summary>
/// The client-side dead-man switch: a separate process reads heartbeat lines from its parent (the trading process)
/// on standard input and acts on silence as well as on a closed pipe.
/// <list type="bullet">
/// <item><c>hb NAME</c>: strategy NAME's loop made progress since the last beat; <c>hb</c> alone counts for every strategy.</item>
/// <item><c>done NAME</c>: NAME stopped and cancelled its own orders; it is no longer watched.</item>
/// <item><c>bye</c>: the parent shut down cleanly; the watch ends with nothing to do.</item>
/// </list>
/// A strategy without a beat for the timeout (its loop hung, or the whole process is frozen, e.g. SIGSTOP) is swept
/// at once and watched again; a beat after that is reported as resumed. End of input without <c>bye</c> (the parent
/// died, even by kill -9) sweeps every strategy still watched. Input is read on its own thread, so a reader that blocks
/// (a console pipe) can never hold the timeout back.
/// </summary>
public sealed class WatchdogLoop
{
    public const string Heartbeat = "hb";
    public const string Done = "done";
    public const string Goodbye = "bye";

    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, long> _lastBeat = new(StringComparer.Ordinal);
    private readonly HashSet<string> _swept = new(StringComparer.Ordinal);
    private Task<bool>? _pendingRead;

    public WatchdogLoop(IEnumerable<string> strategies, TimeSpan timeout, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _timeout = timeout;
        _time = time;
        var now = time.GetTimestamp();
        foreach (var name in strategies)
        {
            _lastBeat[name] = now;
        }
    }

    /// <summary>How the watch ended.</summary>
    public enum Outcome
    {
        /// <summary>The parent said goodbye: nothing to do.</summary>
        CleanShutdown = 0,

        /// <summary>The pipe closed without a goodbye: the parent died; every strategy still watched was swept.</summary>
        ParentDied = 1,
    }

    /// <summary>Cancels the named strategies' orders; <paramref name="why"/> says what the watchdog saw.</summary>
    public delegate Task SweepAsync(IReadOnlyList<string> strategies, string why);

    /// <summary>Says something worth a log line (a strategy resumed, an unknown line).</summary>
    public delegate Task NoticeAsync(string strategy, string message);

    /// <summary>Lines taken from the engine so far.</summary>
    public long LinesRead => Interlocked.Read(ref _linesRead);

    private long _linesRead;

    /// <summary>Strategies still watched (not reported done).</summary>
    public IReadOnlyCollection<string> Watched => _lastBeat.Keys;

    public async Task<Outcome> WatchAsync(TextReader input, SweepAsync sweep, NoticeAsync notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(notice);
        var lines = ReadLines(input);
        _pendingRead = null;
        while (true)
        {
            // Beats already waiting count before silence is judged (the watchdog itself may have been descheduled).
            var line = lines.TryRead(out var ready) ? (ready, false) : ((string Text, bool Ended)?)null;
            if (line is null)
            {
                var silent = _lastBeat.Where(b => !_swept.Contains(b.Key) && _time.GetElapsedTime(b.Value) >= _timeout).Select(b => b.Key).ToList();
                if (silent.Count > 0)
                {
                    _swept.UnionWith(silent);
                    await sweep(silent, $"no heartbeat for {_timeout.TotalSeconds:0.#} s (engine frozen or loop stuck)").ConfigureAwait(false);
                    continue;
                }

                line = await NextLineAsync(lines, cancellationToken).ConfigureAwait(false);
            }

            if (line is null)
            {
                continue; // a deadline passed: check again
            }

            if (line.Value.Ended)
            {
                var left = _lastBeat.Keys.ToList();
                if (left.Count > 0)
                {
                    await sweep(left, "the engine died (its pipe closed without a goodbye)").ConfigureAwait(false);
                }

                return Outcome.ParentDied;
            }

            var parts = line.Value.Text.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            switch (parts)
            {
                case [Goodbye]:
                    Interlocked.Increment(ref _linesRead);
                    return Outcome.CleanShutdown;
                case [Heartbeat]:
                    foreach (var name in _lastBeat.Keys.ToList())
                    {
                        await BeatAsync(name, notice).ConfigureAwait(false);
                    }

                    break;
                case [Heartbeat, var name] when _lastBeat.ContainsKey(name):
                    await BeatAsync(name, notice).ConfigureAwait(false);
                    break;
                case [Done, var name]:
                    _lastBeat.Remove(name);
                    _swept.Remove(name);
                    break;
                case []:
                    break;
                default:
                    await notice(string.Empty, $"ignored an unknown line from the engine: '{line.Value.Text}'").ConfigureAwait(false);
                    break;
            }

            Interlocked.Increment(ref _linesRead);
        }
    }

    private async Task BeatAsync(string name, NoticeAsync notice)
    {
        _lastBeat[name] = _time.GetTimestamp();
        if (_swept.Remove(name))
        {
            await notice(name, "heartbeats resumed after the sweep; watching again").ConfigureAwait(false);
        }
    }

    /// <summary>The next line, or null when the nearest deadline passed first.</summary>
    private async Task<(string Text, bool Ended)?> NextLineAsync(ChannelReader<string> lines, CancellationToken cancellationToken)
    {
        if (lines.TryRead(out var ready))
        {
            return (ready, false);
        }

        if (lines.Completion.IsCompleted)
        {
            return (string.Empty, true);
        }

        var watched = _lastBeat.Where(b => !_swept.Contains(b.Key)).Select(b => _timeout - _time.GetElapsedTime(b.Value)).ToList();
        var wait = watched.Count == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromTicks(Math.Max(watched.Min().Ticks, TimeSpan.FromMilliseconds(1).Ticks));
        using var delayCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readable = _pendingRead ??= lines.WaitToReadAsync(cancellationToken).AsTask();
        var delay = Task.Delay(wait, _time, delayCts.Token);
        var first = await Task.WhenAny(readable, delay).ConfigureAwait(false);
        await delayCts.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (first != readable)
        {
            return null;
        }

        _pendingRead = null;
        return await readable.ConfigureAwait(false) && lines.TryRead(out var line) ? (line, false) : (string.Empty, true);
    }

    /// <summary>Reads the input on a dedicated thread (a blocking console read must not block the timer).</summary>
    private static ChannelReader<string> ReadLines(TextReader input)
    {
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        _ = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    while (input.ReadLine() is { } line)
                    {
                        channel.Writer.TryWrite(line);
                    }
                }
                catch (IOException)
                {
                    // A broken pipe is the same as a closed one: the parent is gone.
                }
                finally
                {
                    channel.Writer.TryComplete();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        return channel.Reader;
    }
}
