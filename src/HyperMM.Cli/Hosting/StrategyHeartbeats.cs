namespace HyperMM.Cli.Hosting;

/// <summary>
/// What the engine tells its watchdog every heartbeat interval, one line per strategy, from the strategy loops'
/// progress (<see cref="Core.Strategy.StrategyRunner.Progress"/>) rather than from a timer alone, so a loop that is
/// stuck in a live process is caught as well as a frozen process:
/// <list type="bullet">
/// <item><c>hb NAME</c> when NAME's loop moved since the last beat, while it is still connecting (it has placed nothing
/// yet), or while the venue's weight window holds every request back (waiting, not stuck);</item>
/// <item>nothing when its loop stood still: after the watchdog's timeout the watchdog cancels NAME's orders;</item>
/// <item><c>done NAME</c> once, when NAME finished and the venue confirmed none of its orders left. A strategy that
/// finished with orders left or unconfirmed gets no more beats, so the watchdog sweeps it.</item>
/// </list>
/// </summary>
public sealed class StrategyHeartbeats(IReadOnlyList<StrategySlot> slots, Func<bool>? waitingOnVenue = null)
{
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<string> _done = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>True when every strategy finished with its orders confirmed gone: the watchdog may leave.</summary>
    public bool AllDone => slots.All(s => s.Finished && s.OrdersLeft == 0);

    /// <summary>The lines for this beat.</summary>
    public IReadOnlyList<string> NextBeat()
    {
        var lines = new List<string>();
        var waiting = waitingOnVenue?.Invoke() ?? false;
        lock (_gate)
        {
            foreach (var slot in slots)
            {
                if (slot.Finished)
                {
                    if (slot.OrdersLeft == 0 && _done.Add(slot.Name))
                    {
                        lines.Add($"{WatchdogLoop.Done} {slot.Name}");
                    }

                    continue;
                }

                if (slot.Runner is not { } runner)
                {
                    lines.Add($"{WatchdogLoop.Heartbeat} {slot.Name}");
                    continue;
                }

                var progress = runner.Progress;
                if (!_seen.TryGetValue(slot.Name, out var last) || last != progress || waiting)
                {
                    _seen[slot.Name] = progress;
                    lines.Add($"{WatchdogLoop.Heartbeat} {slot.Name}");
                }
            }
        }

        return lines;
    }
}
