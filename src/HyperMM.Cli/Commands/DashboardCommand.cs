using System.CommandLine;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using HyperMM.Cli.Dashboard;
using HyperMM.Cli.Failures;
using HyperMM.Journal;

namespace HyperMM.Cli.Commands;

/// <summary>
/// <c>hypermm dashboard --db PATH [--port N]</c>: serves the live dashboard for a finished or running journal until
/// Ctrl-C or SIGTERM (System.CommandLine 2.0.0 does not cancel the action's token on Ctrl-C, so this command
/// handles the signals itself).
/// </summary>
public static class DashboardCommand
{
    public const int DefaultPort = 5080;

    public static Command Build()
    {
        var db = new Option<string>("--db") { Description = "Journal file (SQLite).", DefaultValueFactory = _ => "./data/hypermm.db" };
        var port = new Option<int>("--port") { Description = $"Port on 127.0.0.1 (default {DefaultPort}; 0 picks a free one).", DefaultValueFactory = _ => DefaultPort };
        var run = new Option<string?>("--run") { Description = "Which run: a run id, 'latest' (default; follows a new run as it starts) or 'all'." };
        var command = new Command("dashboard", "Serve the live dashboard (table, charts, last errors) for a journal run on 127.0.0.1.") { db, port, run };
        command.WithExamples(
            "hypermm dashboard --db data/hypermm.db --port 0");
        command.SetAction((parse, token) => CommandRunner.RunAsync(parse, async () =>
        {
            var path = parse.GetValue(db)!;
            var p = parse.GetValue(port);
            var runs = RunSelection.Parse(parse.GetValue(run));
            if (p is < 0 or > 65535)
            {
                throw new UsageException($"--port: {p} is not a port (0-65535)");
            }

            Journal.JournalFile.CheckPath(path, readOnly: true);
            if (!File.Exists(path))
            {
                throw new UsageException($"--db: no journal at {path} (run 'hypermm run' first, or pass --db PATH)");
            }

            // Read it once now: a journal that cannot be used is refused here with its path, not in the page later.
            using (var probe = new Dashboard.DashboardJournalReader(path, runs))
            {
                probe.Read();
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
            void OnCancel(object? sender, ConsoleCancelEventArgs e)
            {
                e.Cancel = true;
                stop.Cancel();
            }

            Console.CancelKeyPress += OnCancel;
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
            {
                c.Cancel = true;
                stop.Cancel();
            });
            try
            {
                await using var dashboard = await Start(path, p, runs, stop.Token).ConfigureAwait(false);
                var output = parse.InvocationConfiguration.Output;
                await output.WriteLineAsync($"dashboard for {Path.GetFullPath(path)} at {dashboard.Url} (Ctrl-C to stop)").ConfigureAwait(false);
                await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }

                return 0;
            }
            finally
            {
                Console.CancelKeyPress -= OnCancel;
            }
        }));
        return command;
    }

    private static async Task<DashboardHandle> Start(string path, int port, RunSelection runs, CancellationToken token)
    {
        try
        {
            return await DashboardServer.StartAsync(path, port, TimeProvider.System, token, runs).ConfigureAwait(false);
        }
        catch (IOException ex) when (ex.InnerException is SocketException || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--port: cannot listen on 127.0.0.1:{port} ({ex.Message}); pick another with --port", ex);
        }
    }
}
