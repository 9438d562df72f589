using HyperMM.Cli.Commands;
using HyperMM.Cli.Dashboard;
using HyperMM.Cli.Journal;
using HyperMM.Cli.Output;
using HyperMM.Core.Strategy;
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

    public async Task<int> RunAsync(TextWriter output, TextWriter error, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var names = settings.Strategies.Select(s => s.Name).ToList();
        var folder = Path.GetDirectoryName(Path.GetFullPath(settings.DatabasePath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using var journal = JournalWriter.Open(settings.DatabasePath, time, settings.Network, settings.DryRun ? "dry-run" : "live", names, ConfigHash.Of(settings.Strategies));
        using var loggers = FileLogging.Create(settings.LogFolder, settings.DebugLogging);
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
        await output.WriteLineAsync(settings.Duration is { } d ? $"running for {d}; Ctrl-C stops earlier" : "running until Ctrl-C").ConfigureAwait(false);

        using var runFor = CancellationTokenSource.CreateLinkedTokenSource(stop);
        if (settings.Duration is { } duration)
        {
            runFor.CancelAfter(duration);
        }

        // The embedded exchange dies with this process, so only an outside venue needs someone to clean up after us.
        await using var watchdog = settings.Watchdog && (settings.Network != "local" || settings.ExchangeUrl is not null)
            ? WatchdogProcess.Start(VenueOptions.ToArguments(settings), time)
            : null;
        DashboardHandle? dashboard = null;
        if (settings.Dashboard)
        {
            dashboard = await DashboardServer.StartAsync(settings.DatabasePath, settings.DashboardPort, time, runFor.Token).ConfigureAwait(false);
            await output.WriteLineAsync($"dashboard: {dashboard.Url}").ConfigureAwait(false);
        }

        using var viewStop = new CancellationTokenSource();
        var view = LiveView.RunAsync(_host.Slots, settings.LiveTable, output, time, viewStop.Token);
        await _host.RunAsync(runFor.Token).ConfigureAwait(false);
        await viewStop.CancelAsync().ConfigureAwait(false);
        await view.ConfigureAwait(false);
        if (dashboard is not null)
        {
            await dashboard.DisposeAsync().ConfigureAwait(false);
        }

        await journal.FlushAsync().ConfigureAwait(false);
        var reason = stop.IsCancellationRequested ? "signal" : "duration";
        await journal.EndRunAsync(reason).ConfigureAwait(false);
        return await SummarizeAsync(output, journal).ConfigureAwait(false);
    }

    private async Task<int> SummarizeAsync(TextWriter output, JournalWriter journal)
    {
        var slots = _host!.Slots;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = settings.LiveTable ? AnsiSupport.Detect : AnsiSupport.No });
        if (!settings.LiveTable)
        {
            console.Profile.Width = 240; // a file or a pipe: do not squeeze the table into 80 columns
        }

        console.Write(StatusTable.Build(slots, final: true));
        foreach (var slot in slots)
        {
            await output.WriteLineAsync(LiveView.Line(slot) + (settings.DryRun ? string.Empty : $"; orders left: {slot.OrdersLeft?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}")).ConfigureAwait(false);
        }

        var failed = slots.Count(s => s.Error is not null);
        var left = settings.DryRun ? 0 : slots.Sum(s => s.OrdersLeft ?? (s.Exchange is null ? 0 : 1));
        var journalOk = journal.Failure is null;
        await output.WriteLineAsync($"run {journal.RunId} ended: {slots.Count - failed} of {slots.Count} strategies ran, {left} orders left, journal {(journalOk ? "complete" : "FAILED: " + journal.Failure!.Message)}").ConfigureAwait(false);
        return failed == 0 && left == 0 && journalOk ? 0 : 1;
    }
}
