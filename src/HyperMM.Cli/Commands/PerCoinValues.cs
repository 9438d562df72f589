using System.Globalization;
using HyperMM.Cli.Failures;
using HyperMM.Core.Primitives;

namespace HyperMM.Cli.Commands;

/// <summary>
/// An option given either once for every coin (<c>--mid 4300</c>) or per coin (<c>--mid ETH=4300 --mid BTC=110000</c>).
/// </summary>
public sealed class PerCoinValues
{
    private readonly Dictionary<string, decimal> _byCoin = new(StringComparer.OrdinalIgnoreCase);
    private decimal? _all;

    private PerCoinValues(string option) => Option = option;

    public string Option { get; }

    public static PerCoinValues Parse(string option, IEnumerable<string>? values)
    {
        var result = new PerCoinValues(option);
        foreach (var text in values ?? [])
        {
            foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                var (coin, number) = eq < 0 ? (null, part) : (part[..eq], part[(eq + 1)..]);
                if (!decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    throw new UsageException($"{option}: '{part}' is not a number or COIN=number");
                }

                if (coin is null)
                {
                    result._all = value;
                }
                else
                {
                    result._byCoin[coin] = value;
                }
            }
        }

        return result;
    }

    public decimal? For(Coin coin) => _byCoin.TryGetValue(coin.Name, out var v) ? v : _all;
}
