using HyperMM.LocalExchange.Faults;
using HyperMM.Simulation.Market;
using Microsoft.Extensions.Logging;

namespace HyperMM.LocalExchange.Market;

/// <summary>
/// Drives the outside market into the venue in real time: every step (wall time from the venue's
/// <see cref="TimeProvider"/>) the source advances by step × speed of market time; its books and trades go into the
/// matching engine (which fills resting orders against them and pushes to the sockets), then allMids is pushed.
/// A paused feed (fault switch) sends nothing.
/// </summary>
public sealed partial class MarketFeed(LocalVenue venue, IMarketSource source, TimeSpan step, double speed, FaultSwitches faults, ILogger logger)
{
    private readonly List<MarketEvent> _events = [];

    /// <summary>Events applied so far.</summary>
    public long EventsApplied { get; private set; }

    /// <summary>Runs one step now (tests call it directly).</summary>
    public void StepOnce()
    {
        if (faults.FeedPaused)
        {
            lock (venue.Gate)
            {
                venue.Engine.AdvanceTime(); // timers (scheduled cancels) still run
            }

            return;
        }

        _events.Clear();
        source.Advance(TimeSpan.FromTicks((long)(step.Ticks * speed)), _events);
        var now = venue.Time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (venue.Gate)
        {
            foreach (var e in _events)
            {
                if (e.Kind == MarketEventKind.Book)
                {
                    venue.Engine.ApplyOutsideBook(e.Book!);
                }
                else
                {
                    venue.Engine.ApplyOutsideTrade(e.Trade with { TimeMs = now }); // replayed prints are re-stamped to venue time
                }
            }

            venue.Engine.AdvanceTime();
        }

        EventsApplied += _events.Count;
        venue.PublishMids();
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(step, venue.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                StepOnce();
                if (source.IsExhausted)
                {
                    LogExhausted(logger);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The replay has no more data; the market stays where it ended.")]
    private static partial void LogExhausted(ILogger logger);
}
