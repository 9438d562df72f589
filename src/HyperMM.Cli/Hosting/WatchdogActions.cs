using System.Globalization;
using HyperMM.Cli.Commands;
using HyperMM.Cli.Failures;
using HyperMM.Journal;
using Microsoft.Extensions.Logging;

namespace HyperMM.Cli.Hosting;

/// <summary>
/// What the watchdog does when the loop tells it to: sweep, and say so everywhere the trader looks. The cancels never
/// wait for the journal: a frozen engine may hold its write lock (SIGSTOP in the middle of a write), so a sweep's lines
/// go to stderr and the log at once and to the journal after the cancels, waiting at most
/// <see cref="JournalWait"/>; notes the journal cannot take yet are kept and written at the next chance (the next
/// notice, sweep or the watchdog's exit), in order.
/// </summary>
public sealed class WatchdogActions(RunSettings settings, string? journal, long runId, int parentPid, TextWriter error, ILoggerFactory loggers) : IAsyncDisposable
{
    /// <summary>How long one journal write of the watchdog waits for a lock the engine holds.</summary>
    public static readonly TimeSpan JournalWait = TimeSpan.FromSeconds(2);

    private readonly ILogger _log = loggers.CreateLogger("HyperMM.Watchdog");
    private readonly List<int> _codes = [];
    private readonly Queue<NoteEntry> _unwritten = new();
    private bool _lockReported;
    private IVenueConnector? _connector;

    public int WorstCode => StrategySweep.Worst(_codes);

    public async Task SweepAsync(IReadOnlyList<string> names, string why)
    {
        var engine = parentPid > 0 ? string.Create(CultureInfo.InvariantCulture, $"engine pid {parentPid}") : "engine";
        await SayAsync(string.Empty, "warn", $"watchdog: {why} ({engine}); cancelling the orders of {string.Join(", ", names)}", journalNow: false).ConfigureAwait(false);
        using var sweepTime = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            _connector ??= await VenueConnectors.CreateAsync(settings, loggers, error, sweepTime.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Reported; the watchdog keeps watching and tries again at the next silence.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await SayAsync(string.Empty, "error", "watchdog: could not reach the venue to cancel: " + ex.Message, journalNow: false).ConfigureAwait(false);
            await WriteNotesAsync().ConfigureAwait(false);
            _codes.Add(ExitCodes.VenueUnreachable);
            return;
        }

        var strategies = settings.Strategies.Where(s => names.Contains(s.Name)).ToList();
        var writers = strategies.Select(_ => new StringWriter()).ToList();
        var codes = await Task.WhenAll(strategies.Select((s, i) => StrategySweep.SweepOneAsync(_connector, s, writers[i], sweepTime.Token))).ConfigureAwait(false);
        _codes.AddRange(codes);
        for (var i = 0; i < strategies.Count; i++)
        {
            await SayAsync(strategies[i].Name, codes[i] == ExitCodes.Ok ? "warn" : "error", $"watchdog ({why}): {writers[i].ToString().TrimEnd()}", journalNow: false).ConfigureAwait(false);
            await writers[i].DisposeAsync().ConfigureAwait(false);
        }

        await WriteNotesAsync().ConfigureAwait(false);
    }

    public Task NoticeAsync(string strategy, string message) => SayAsync(strategy, "info", "watchdog: " + message);

    public async ValueTask DisposeAsync()
    {
        await WriteNotesAsync().ConfigureAwait(false);
        if (_unwritten.Count > 0)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"watchdog: {_unwritten.Count} note(s) could not be written to the journal (still locked); they are in this output and the log above")).ConfigureAwait(false);
        }

        if (_connector is not null)
        {
            await _connector.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task SayAsync(string strategy, string level, string message, bool journalNow = true)
    {
        await error.WriteLineAsync(message).ConfigureAwait(false);
        await error.FlushAsync().ConfigureAwait(false);
#pragma warning disable CA1848, CA2254 // A handful of lines per incident; the text is the message.
        _log.Log(level == "error" ? LogLevel.Error : level == "warn" ? LogLevel.Warning : LogLevel.Information, "{Strategy}: {Message}", strategy, message);
#pragma warning restore CA1848, CA2254
        if (journal is null || runId <= 0)
        {
            return;
        }

        _unwritten.Enqueue(new NoteEntry(strategy.Length == 0 ? "watchdog" : strategy, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(), level, message));
        if (journalNow)
        {
            await WriteNotesAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Writes the notes not yet in the journal, oldest first; stops at a lock (they wait for the next chance).</summary>
    private async Task WriteNotesAsync()
    {
        while (journal is not null && _unwritten.TryPeek(out var note))
        {
            try
            {
                JournalWriter.AppendNote(journal, runId, note, JournalWait);
                _unwritten.Dequeue();
                _lockReported = false;
            }
#pragma warning disable CA1031 // The journal is the engine's; if it is locked or gone the lines above and the log still say it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                if (JournalWriter.IsLocked(ex))
                {
                    if (!_lockReported)
                    {
                        _lockReported = true;
                        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"watchdog: the journal is locked (the engine may be frozen in the middle of a write); {_unwritten.Count} note(s) kept to write when it frees")).ConfigureAwait(false);
                    }

                    return;
                }

                _unwritten.Dequeue();
                await error.WriteLineAsync("watchdog: could not note this in the journal: " + ex.Message).ConfigureAwait(false);
            }
        }
    }
}
