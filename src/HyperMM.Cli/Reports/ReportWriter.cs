namespace HyperMM.Cli.Reports;

/// <summary>Computes every strategy's report and writes the charts (PNG), one HTML page and summary.json (the same figures) into a folder.</summary>
public static class ReportWriter
{
    public const string HtmlFileName = "report.html";

    public const string JsonFileName = "summary.json";

    /// <summary>The reports' figures as the one JSON document (<see cref="Output.FiguresJson"/>).</summary>
    public static string Json(ReportData data, IReadOnlyList<StrategyReport> reports)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(reports);
        return Output.FiguresJson.Render(data.Source, data.Location, [.. reports.Select(r => r.Figures)]);
    }

    /// <summary>Returns the computed reports; files land in <paramref name="folder"/> (created if needed).</summary>
    public static IReadOnlyList<StrategyReport> Write(ReportData data, string folder)
    {
        ArgumentNullException.ThrowIfNull(data);
        Directory.CreateDirectory(folder);
        var reports = data.Strategies.Select(ReportCalculator.Compute).ToList();
        var charts = new List<IReadOnlyList<byte[]>>(reports.Count);
        foreach (var report in reports)
        {
            var pngs = ReportCharts.RenderAll(report);
            var names = ReportCharts.FileNames(report.Data.Name);
            for (var i = 0; i < names.Count; i++)
            {
                File.WriteAllBytes(Path.Combine(folder, names[i]), pngs[i]);
            }

            charts.Add(pngs);
        }

        File.WriteAllText(Path.Combine(folder, HtmlFileName), ReportHtml.Render(data, reports, charts));
        File.WriteAllText(Path.Combine(folder, JsonFileName), Json(data, reports));
        return reports;
    }
}
