using System.Globalization;
using HyperMM.Cli.Commands;
using HyperMM.Cli.Failures;
using HyperMM.Journal;
using Microsoft.Extensions.Logging;

namespace HyperMM.Cli.Hosting;

/// <summary>What the watchdog does when the loop tells it to: sweep, and say so everywhere the trader looks.</summary>
public sealed class WatchdogActions(RunSettings settings, string? journal, long runId, int parentPid, TextWriter error, ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly ILogger _log = loggers.CreateLogger("HyperMM.Watchdog");
    private readonly List<int> _codes = [];
    private IVenueConnector? _connector;

    public int WorstCode => StrategySweep.Worst(_codes);

    public async Task SweepAsync(IReadOnlyList<string> names, string why)
    {
        var engine = parentPid > 0 ? string.Create(CultureInfo.InvariantCulture, $"engine pid {parentPid}") : "engine";
        await SayAsync(string.Empty, "warn", $"watchdog: {why} ({engine}); cancelling the orders of {string.Join(", ", names)}").ConfigureAwait(false);
        using var sweepTime = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            _connector ??= await VenueConnectors.CreateAsync(settings, loggers, error, sweepTime.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Reported; the watchdog keeps watching and tries again at the next silence.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await SayAsync(string.Empty, "error", "watchdog: could not reach the venue to cancel: " + ex.Message).ConfigureAwait(false);
            _codes.Add(ExitCodes.VenueUnreachable);
            return;
        }

        var strategies = settings.Strategies.Where(s => names.Contains(s.Name)).ToList();
        var writers = strategies.Select(_ => new StringWriter()).ToList();
        var codes = await Task.WhenAll(strategies.Select((s, i) => StrategySweep.SweepOneAsync(_connector, s, writers[i], sweepTime.Token))).ConfigureAwait(false);
        _codes.AddRange(codes);
        for (var i = 0; i < strategies.Count; i++)
        {
            await SayAsync(strategies[i].Name, codes[i] == ExitCodes.Ok ? "warn" : "error", $"watchdog ({why}): {writers[i].ToString().TrimEnd()}").ConfigureAwait(false);
            await writers[i].DisposeAsync().ConfigureAwait(false);
        }
    }

    public Task NoticeAsync(string strategy, string message) => SayAsync(strategy, "info", "watchdog: " + message);

    public async ValueTask DisposeAsync()
    {
        if (_connector is not null)
        {
            await _connector.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task SayAsync(string strategy, string level, string message)
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

        try
        {
            JournalWriter.AppendNote(journal, runId, new NoteEntry(strategy.Length == 0 ? "watchdog" : strategy, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(), level, message));
        }
#pragma warning disable CA1031 // The journal is the engine's; if it is locked or gone the line above and the log still say it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync("watchdog: could not note this in the journal: " + ex.Message).ConfigureAwait(false);
        }
    }
}
