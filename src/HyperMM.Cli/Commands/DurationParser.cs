using System.Globalization;
using HyperMM.Cli.Failures;

namespace HyperMM.Cli.Commands;

/// <summary>Parses run lengths such as <c>90</c> (seconds), <c>90s</c>, <c>15m</c>, <c>2h</c>.</summary>
public static class DurationParser
{
    public static TimeSpan Parse(string option, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        var unit = t.Length > 0 && char.IsLetter(t[^1]) ? char.ToLowerInvariant(t[^1]) : 's';
        var number = char.IsLetter(t.Length > 0 ? t[^1] : '0') ? t[..^1] : t;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0 || double.IsInfinity(value))
        {
            throw new UsageException($"{option}: '{text}' is not a positive duration (examples: 90, 90s, 15m, 2h)");
        }

        return unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            _ => throw new UsageException($"{option}: unknown unit '{unit}' in '{text}' (use s, m or h)"),
        };
    }
}
