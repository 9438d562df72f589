using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HyperMM.Core.Model;

namespace HyperMM.Journal;

/// <summary>
/// A short fingerprint of the effective strategy parameters of a run (after config file and overrides): the first
/// 16 hex digits of SHA-256 over every parameter's invariant text, strategies in name order. Two runs with the same
/// hash quoted with the same parameters. Key variable names are included, keys never are (they are not parameters).
/// </summary>
public static class ConfigHash
{
    public static string Of(IEnumerable<StrategyParameters> strategies)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        var text = new StringBuilder();
        foreach (var s in strategies.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            // Records print every member (nested options included); InvariantGlobalization keeps numbers invariant.
            text.Append(string.Create(CultureInfo.InvariantCulture, $"{s}")).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
