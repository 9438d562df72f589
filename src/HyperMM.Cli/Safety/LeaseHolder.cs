using System.Globalization;

namespace HyperMM.Cli.Safety;

/// <summary>Who holds a lease: written beside the lock by the holder, read by whoever is refused.</summary>
public sealed record LeaseHolder(int ProcessId, DateTimeOffset Since, string Description)
{
    public string Text() => string.Join('\n',
        ProcessId.ToString(CultureInfo.InvariantCulture),
        Since.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        Description.ReplaceLineEndings(" "));

    /// <summary>Null for a missing, half-written or foreign file.</summary>
    public static LeaseHolder? Parse(string? text)
    {
        var lines = (text ?? string.Empty).Split('\n');
        return lines.Length >= 3
            && int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? new LeaseHolder(pid, DateTimeOffset.FromUnixTimeMilliseconds(ms), lines[2].Trim())
            : null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"pid {ProcessId}, started {Since:yyyy-MM-dd HH:mm:ss}Z ({Description})");
}
