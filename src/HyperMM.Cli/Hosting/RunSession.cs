using System.Globalization;
using HyperMM.Cli.Commands;
using HyperMM.Cli.Dashboard;
using HyperMM.Cli.Failures;
using HyperMM.Cli.Output;
using HyperMM.Cli.Safety;
using HyperMM.Core.Strategy;
using HyperMM.Journal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace HyperMM.Cli.Hosting;

/// <summary>Creates the venue connector for a run (local exchange in-process, or Hyperliquid).</summary>
public delegate Task<IVenueConnector> VenueConnectorFactory(RunSettings settings, ILoggerFactory loggers, TextWriter output, CancellationToken cancellationToken);

/// <summary>
/// One <c>hypermm run</c>: journal, logs, the venue, the strategies side by side, the live view, and at the end the
/// summary. Exit code 0 when every strategy ran and none left an order behind, 1 otherwise.
/// </summary>
public sealed class RunSession(RunSettings settings, VenueConnectorFactory connectorFactory, TimeProvider time)
{
    public IReadOnlyList<StrategySlot> Slots => _host?.Slots ?? [];

    private TradingHost? _host;
    private long _started;

    public async Task<int> RunAsync(TextWriter output, TextWriter error, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var names = settings.Strategies.Select(s => s.Name).ToList();
        _started = time.GetTimestamp();
        var folder = Path.GetDirectoryName(Path.GetFullPath(settings.DatabasePath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // One engine per account and per journal: refused here (exit 5) before anything is opened or sent.
        using var leases = RunLeases.Acquire(settings, time);
        await using var journal = JournalWriter.Open(settings.DatabasePath, time, settings.Network, settings.DryRun ? "dry-run" : "live", names, ConfigHash.Of(settings.Strategies), settings.JournalBusyTimeout);
        using var loggers = new ClosingLoggerFactory(FileLogging.Create(settings.LogFolder, settings.LogLevel), error);
        var logger = loggers.CreateLogger("HyperMM.Run");
        IVenueConnector connector;
        try
        {
            connector = await connectorFactory(settings, loggers, output, stop).ConfigureAwait(false);
        }
        catch (VenueSetupException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            await journal.EndRunAsync("setup failed").ConfigureAwait(false);
            return 1;
        }

        await using var venue = new JournalingConnector(connector, journal);
        var observer = new CompositeStrategyObserver(new JournalObserver(journal, time), new LoggingObserver(logger));
        var runnerOptions = new StrategyRunnerOptions { RunId = unchecked((uint)journal.RunId), DryRun = settings.DryRun };
        _host = new TradingHost(settings.Strategies, venue, time, observer, runnerOptions,
            (s, account) => BackfillPoint.Find(settings.DatabasePath, s.Name, account.Hex, s.Coin.Name));

        await output.WriteLineAsync($"hypermm run: {string.Join(", ", names)} on {connector.Network}{(settings.DryRun ? " (dry run: no orders sent)" : string.Empty)}; journal {settings.DatabasePath}; logs {settings.LogFolder}").ConfigureAwait(false);
        foreach (var line in leases.TakenOver)
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
            observer.OnNote("run", time.GetUtcNow().ToUnixTimeMilliseconds(), "warn", line);
        }

        await output.WriteLineAsync(settings.Duration is { } d ? $"running for {d}; Ctrl-C stops earlier" : "running until Ctrl-C").ConfigureAwait(false);

        // The run stops at Ctrl-C/SIGTERM, at the end of --duration, or when the journal stops writing: an engine that
        // cannot journal must not trade.
        using var runFor = CancellationTokenSource.CreateLinkedTokenSource(stop, journal.Failed);
        if (settings.Duration is { } duration)
        {
            runFor.CancelAfter(duration);
        }

        // The embedded exchange dies with this process, so only an outside venue needs someone to clean up after us.
        await using var watchdog = settings.Watchdog && (settings.Network != "local" || settings.ExchangeUrl is not null)
            ? WatchdogProcess.Start(WatchdogArguments(journal.RunId), new StrategyHeartbeats(_host.Slots, () => venue.RateLimit?.IsPaused ?? false), settings.WatchdogTimeout, time)
            : null;
        DashboardHandle? dashboard = null;
        if (settings.Dashboard)
        {
            var host = _host;
            var metrics = new RunMetrics(() => [.. host.Slots.Select(s => s.Snapshot())]);
            dashboard = await DashboardServer.StartAsync(settings.DatabasePath, settings.DashboardPort, time, runFor.Token, metrics: metrics).ConfigureAwait(false);
            await output.WriteLineAsync($"dashboard: {dashboard.Url}").ConfigureAwait(false);
            await output.WriteLineAsync($"metrics: {dashboard.Url}metrics (Prometheus)").ConfigureAwait(false);
        }

        using var viewStop = new CancellationTokenSource();
        var view = LiveView.RunAsync(() => [.. _host.Slots.Select(s => s.Snapshot())], settings.LiveTable, output, time, viewStop.Token);
        await _host.RunAsync(runFor.Token).ConfigureAwait(false);
        await viewStop.CancelAsync().ConfigureAwait(false);
        await view.ConfigureAwait(false);
        if (dashboard is not null)
        {
            await dashboard.DisposeAsync().ConfigureAwait(false);
        }

        var reason = journal.Failure is not null ? "journal failed" : stop.IsCancellationRequested ? "signal" : "duration";
        Exception? endFailure = null;
        try
        {
            await journal.EndRunAsync(reason).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            endFailure = ex;
        }

        return await SummarizeAsync(output, error, journal, endFailure).ConfigureAwait(false);
    }

    private IEnumerable<string> WatchdogArguments(long runId) =>
        VenueArguments.Of(settings).Concat(
        [
            "--db", Path.GetFullPath(settings.DatabasePath),
            "--run-id", runId.ToString(CultureInfo.InvariantCulture),
            "--log-dir", Path.GetFullPath(settings.LogFolder),
            "--parent-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
        ]);

    private async Task<int> SummarizeAsync(TextWriter output, TextWriter error, JournalWriter journal, Exception? endFailure)
    {
        var slots = _host!.Slots;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = settings.LiveTable ? AnsiSupport.Detect : AnsiSupport.No });
        if (!settings.LiveTable)
        {
            console.Profile.Width = 240; // a file or a pipe: do not squeeze the table into 80 columns
        }

        console.Write(StatusTable.Build([.. slots.Select(s => s.Snapshot())], final: true, console.Profile.Width, time.GetElapsedTime(_started)));
        foreach (var slot in slots)
        {
            await output.WriteLineAsync(LiveView.Line(slot.Snapshot()) + (settings.DryRun ? string.Empty : $"; orders left: {slot.OrdersLeft?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}")).ConfigureAwait(false);
        }

        var failed = slots.Count(s => s.Error is not null);
        var unknown = settings.DryRun ? [] : slots.Where(s => s.OrdersLeft is null).Select(s => s.Name).ToList();
        var left = settings.DryRun ? 0 : slots.Sum(s => s.OrdersLeft ?? 0);
        var leftText = unknown.Count == 0 ? $"{left} orders left" : $"orders left unknown ({string.Join(", ", unknown)} not confirmed{(left > 0 ? $"; {left} left on the others" : string.Empty)})";
        var journalFailure = journal.Failure ?? endFailure;
        await output.WriteLineAsync($"run {journal.RunId} ended: {slots.Count - failed} of {slots.Count} strategies ran, {leftText}, journal {(journalFailure is null ? "complete" : "FAILED: " + journalFailure.Message)}").ConfigureAwait(false);

        if (journalFailure is not null)
        {
            await error.WriteLineAsync($"error: the journal stopped writing: {journalFailure.Message}; trading was halted and every order cancelled (orders left: see above)").ConfigureAwait(false);
            return ExitCodes.JournalError;
        }

        var unreachable = slots.Where(s => s.Unreachable && s.Error is not null).Select(s => s.Error!).Distinct(StringComparer.Ordinal).ToList();
        foreach (var message in unreachable)
        {
            await error.WriteLineAsync("error: " + message).ConfigureAwait(false);
        }

        return unreachable.Count > 0 ? ExitCodes.VenueUnreachable
            : failed == 0 && left == 0 && unknown.Count == 0 ? ExitCodes.Ok
            : ExitCodes.TradingFailure;
    }
}
