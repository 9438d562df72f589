using System.Text;

namespace HyperMM.Cli.Doctor;

/// <summary>Prints doctor findings grouped by strategy, each failure or warning followed by its fix.</summary>
public static class DoctorFormatter
{
    public static string Format(IReadOnlyList<DoctorFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var sb = new StringBuilder();
        foreach (var group in findings.GroupBy(f => f.Strategy))
        {
            var worst = group.Max(f => f.Status);
            sb.Append(group.Key).Append(": ").AppendLine(worst switch
            {
                DoctorStatus.Ok => "ready",
                DoctorStatus.Warn => "will run, with warnings",
                _ => "WILL NOT TRADE until fixed",
            });
            foreach (var f in group)
            {
                var label = f.Status switch { DoctorStatus.Ok => "ok  ", DoctorStatus.Warn => "WARN", _ => "FAIL" };
                sb.Append("  ").Append(label).Append("  ").Append(f.Check.PadRight(9)).AppendLine(f.Detail);
                if (f.Status != DoctorStatus.Ok && f.Fix is not null)
                {
                    sb.Append("        ").Append(new string(' ', 9)).Append("fix: ").AppendLine(f.Fix);
                }
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }
}
