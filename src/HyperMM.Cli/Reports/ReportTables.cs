using HyperMM.Cli.Output;

namespace HyperMM.Cli.Reports;

/// <summary>The summary table of a report: one row per figure (<see cref="FigureRows"/>), one column per strategy (plain text, diffable).</summary>
public static class ReportTables
{
    /// <summary>(label, value) rows of one strategy, in the order the table and the HTML page show them.</summary>
    public static IReadOnlyList<(string Label, string Value)> Rows(StrategyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var f = report.Figures;
        return [("coin", f.Coin), ("covers", string.Join(", ", f.Parts.Select(p => p.Label))), .. FigureRows.Rows(f.Figures)];
    }

    public static string Text(IReadOnlyList<StrategyReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count == 0)
        {
            return "no strategy in the journal for this selection\n";
        }

        var table = new Output.TextTable(["metric", .. reports.Select(r => r.Data.Name)]);
        var rows = reports.Select(Rows).ToList();
        for (var i = 0; i < rows[0].Count; i++)
        {
            table.Add([rows[0][i].Label, .. rows.Select(r => r[i].Value)]);
        }

        return table.ToString();
    }
}
