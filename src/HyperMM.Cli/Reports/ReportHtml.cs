using System.Net;
using System.Text;

namespace HyperMM.Cli.Reports;

/// <summary>One self-contained HTML page: per strategy, the summary table and the four charts embedded as PNG data.</summary>
public static class ReportHtml
{
    public static string Render(ReportData data, IReadOnlyList<StrategyReport> reports, IReadOnlyList<IReadOnlyList<byte[]>> charts)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(charts);
        var sb = new StringBuilder();
        sb.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(data.Title)).Append("</title>\n");
        sb.Append("<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
          .Append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}")
          .Append("img{max-width:100%;display:block;margin:0.5em 0}h2{margin-top:2em}</style></head><body>\n");
        sb.Append("<h1>").Append(E(data.Title)).Append("</h1>\n<p>").Append(E(data.RunLabel))
          .Append(". PnL attribution: spread capture + inventory PnL − fees = total PnL = realised + unrealised − fees. ")
          .Append("The same figures are in ").Append(ReportWriter.JsonFileName).Append(".</p>\n");
        if (reports.Count == 0)
        {
            sb.Append("<p>No strategy in the journal for this selection.</p>\n");
        }

        sb.Append("<table><tr><th>metric</th>");
        foreach (var r in reports)
        {
            sb.Append("<th>").Append(E(r.Data.Name)).Append("</th>");
        }

        sb.Append("</tr>\n");
        var rows = reports.Select(ReportTables.Rows).ToList();
        for (var i = 0; rows.Count > 0 && i < rows[0].Count; i++)
        {
            sb.Append("<tr><td>").Append(E(rows[0][i].Label)).Append("</td>");
            foreach (var row in rows)
            {
                sb.Append("<td>").Append(E(row[i].Value)).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</table>\n");
        for (var k = 0; k < reports.Count; k++)
        {
            var r = reports[k];
            sb.Append("<h2>").Append(E(r.Data.Name)).Append(" (").Append(E(r.Data.Coin)).Append(")</h2>\n");
            foreach (var png in charts[k])
            {
                sb.Append("<img alt=\"chart\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(png)).Append("\">\n");
            }
        }

        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
