using System.CommandLine;
using System.Globalization;
using HyperMM.Cli.Reports;

namespace HyperMM.Cli.Commands;

/// <summary>
/// <c>hypermm report</c>: per strategy, the summary table on stdout, and PNG charts plus one HTML page in --out
/// (default ./reports/run-N for the newest run in the journal).
/// </summary>
public static class ReportCommand
{
    public static Command Build()
    {
        var db = new Option<string>("--db") { Description = "Journal file (SQLite).", DefaultValueFactory = _ => "./data/hypermm.db" };
        var strategy = new Option<string?>("--strategy") { Description = "Only this strategy (default: every strategy in the journal)." };
        var from = new Option<string?>("--from") { Description = "Start of the window, ISO 8601 (e.g. 2026-12-01T10:00:00Z; UTC when no offset)." };
        var to = new Option<string?>("--to") { Description = "End of the window, ISO 8601." };
        var outDir = new Option<string?>("--out") { Description = "Folder for the charts and report.html (default ./reports/run-N)." };
        var command = new Command("report", "Summarise a journal: PnL attribution, inventory, fills, rejections; PNG charts and an HTML page.")
        {
            db, strategy, from, to, outDir,
        };
        command.SetAction(parse => CommandRunner.Run(parse, () =>
        {
            var path = parse.GetValue(db)!;
            var fromMs = ParseTime("--from", parse.GetValue(from));
            var toMs = ParseTime("--to", parse.GetValue(to));
            if (fromMs is not null && toMs is not null && fromMs > toMs)
            {
                throw new UsageException("--from must not be after --to");
            }

            if (!File.Exists(path))
            {
                throw new UsageException($"--db: no journal at {path} (run 'hypermm run' first, or pass --db PATH)");
            }

            ReportData data;
            using (var source = new JournalReportSource(path))
            {
                data = source.Load(parse.GetValue(strategy), fromMs, toMs);
            }

            var name = parse.GetValue(strategy);
            if (name is not null && data.Strategies.Count == 0)
            {
                throw new UsageException($"--strategy: no journal entries for '{name}'");
            }

            var folder = parse.GetValue(outDir) ?? Path.Combine("reports", data.RunLabel);
            var reports = ReportWriter.Write(data, folder);
            var output = parse.InvocationConfiguration.Output;
            output.Write(ReportTables.Text(reports));
            output.WriteLine($"charts and {ReportWriter.HtmlFileName} written to {Path.GetFullPath(folder)}");
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
