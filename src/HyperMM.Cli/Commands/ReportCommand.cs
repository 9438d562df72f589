using System.CommandLine;
using System.Globalization;
using HyperMM.Cli.Failures;
using HyperMM.Cli.Reports;
using HyperMM.Journal;

namespace HyperMM.Cli.Commands;

/// <summary>
/// <c>hypermm report</c>: per strategy, the ledger's figures for the newest run (or <c>--run N</c>, <c>--run all</c>)
/// as a table on stdout, and PNG charts, one HTML page and summary.json in --out (default ./reports/run-N).
/// <c>--json</c> prints only the JSON document (the folder is written only when --out is given).
/// </summary>
public static class ReportCommand
{
    public static Command Build()
    {
        var db = new Option<string>("--db") { Description = "Journal file (SQLite).", DefaultValueFactory = _ => "./data/hypermm.db" };
        var strategy = new Option<string?>("--strategy") { Description = "Only this strategy (default: every strategy in the journal)." };
        var from = new Option<string?>("--from") { Description = "Start of the window, ISO 8601 (e.g. 2026-12-01T10:00:00Z; UTC when no offset)." };
        var to = new Option<string?>("--to") { Description = "End of the window, ISO 8601." };
        var outDir = new Option<string?>("--out") { Description = "Folder for the charts, report.html and summary.json (default ./reports/run-N)." };
        var run = new Option<string?>("--run") { Description = "Which run: a run id, 'latest' (default) or 'all' (each run's ledger apart, totals added)." };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON document on stdout, nothing else." };
        var command = new Command("report", "Summarise a journal run: PnL attribution, markouts, inventory, fills, rejections; PNG charts, an HTML page and summary.json.")
        {
            db, strategy, from, to, outDir, run, json,
        };
        command.WithExamples(
            "hypermm report --db data/hypermm.db",
            "hypermm report --db data/hypermm.db --from 2026-12-01T10:00:00Z");
        command.SetAction(parse => CommandRunner.Run(parse, () =>
        {
            var path = parse.GetValue(db)!;
            var fromMs = ParseTime("--from", parse.GetValue(from));
            var toMs = ParseTime("--to", parse.GetValue(to));
            if (fromMs is not null && toMs is not null && fromMs > toMs)
            {
                throw new UsageException("--from must not be after --to");
            }

            JournalFile.CheckPath(path, readOnly: true);
            if (!File.Exists(path))
            {
                throw new UsageException($"--db: no journal at {path} (run 'hypermm run' first, or pass --db PATH)");
            }

            var selection = RunSelection.Parse(parse.GetValue(run));
            ReportData data;
            string defaultFolder;
            using (var source = new JournalReportSource(path))
            {
                data = source.Load(parse.GetValue(strategy), fromMs, toMs, selection);
                defaultFolder = source.FolderName(selection);
            }

            var name = parse.GetValue(strategy);
            if (name is not null && data.Strategies.Count == 0)
            {
                throw new UsageException($"--strategy: no journal entries for '{name}'");
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                var computed = data.Strategies.Select(ReportCalculator.Compute).ToList();
                if (parse.GetValue(outDir) is { } jsonFolder)
                {
                    ReportWriter.Write(data, jsonFolder);
                }

                output.Write(ReportWriter.Json(data, computed));
                return 0;
            }

            var folder = parse.GetValue(outDir) ?? Path.Combine("reports", defaultFolder);
            var reports = ReportWriter.Write(data, folder);
            output.WriteLine($"{data.Title}: {data.RunLabel}");
            output.Write(ReportTables.Text(reports));
            output.WriteLine($"charts, {ReportWriter.HtmlFileName} and {ReportWriter.JsonFileName} written to {Path.GetFullPath(folder)}");
            return 0;
        }));
        return command;
    }

    /// <summary>Parses an ISO 8601 time to Unix ms (UTC when no offset is given); a bad value is a usage error.</summary>
    public static long? ParseTime(string option, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t.ToUnixTimeMilliseconds()
            : throw new UsageException($"{option}: '{text}' is not an ISO 8601 time (e.g. 2026-12-01T10:00:00Z)");
    }
}
