using System.Globalization;
using HyperMM.Core.Market;

namespace HyperMM.Simulation.Market;

/// <summary>
/// What recorded market data must satisfy, in one place for every reader (docs/SIMULATION.md §4, "Bad data"). Each
/// check returns null when the value is fine, else the reason in words; readers add the file and line. Prices and
/// sizes are finite numbers above zero; a snapshot's best bid is below its best ask (a one-sided book is allowed);
/// a timestamp may go back at most <see cref="BackwardsToleranceMs"/> behind the newest earlier one in the same file.
/// </summary>
public static class MarketDataRules
{
    /// <summary>
    /// How far (ms) a timestamp may fall behind the newest one seen earlier in the same file. Rows out of order by a
    /// little are real (Hyperliquid re-sends trades after a reconnect: the §1 ETH trades go back 16 s once) and are
    /// sorted by time; more than a minute back means a clock reset or files joined out of order.
    /// </summary>
    public const long BackwardsToleranceMs = 60_000;

    /// <summary>Parses a price or size: a finite decimal number (no NaN, no infinity, no thousands separators).</summary>
    public static bool TryParseNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value);

    /// <summary>Parses a Unix time in ms (an integer, or a number with a fraction such as 1757015216.0), above zero.</summary>
    public static bool TryParseTime(string text, out long timeMs)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out timeMs))
        {
            return timeMs > 0;
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d)
            && d > 0m && d < long.MaxValue)
        {
            timeMs = (long)d;
            return true;
        }

        timeMs = 0;
        return false;
    }

    /// <summary>Why a level's price or size is impossible, or null.</summary>
    public static string? CheckLevel(string what, decimal price, decimal size) =>
        price <= 0m ? FormattableString.Invariant($"{what} price {price} is not above zero")
        : size <= 0m ? FormattableString.Invariant($"{what} size {size} is not above zero")
        : null;

    /// <summary>Why a snapshot is impossible (a level at or below zero, a crossed or locked touch), or null.</summary>
    public static string? CheckBook(OrderBookSnapshot book)
    {
        ArgumentNullException.ThrowIfNull(book);
        for (var i = 0; i < book.Bids.Count; i++)
        {
            if (CheckLevel($"bid level {i}", book.Bids[i].Price, book.Bids[i].Size) is { } bad)
            {
                return bad;
            }
        }

        for (var i = 0; i < book.Asks.Count; i++)
        {
            if (CheckLevel($"ask level {i}", book.Asks[i].Price, book.Asks[i].Size) is { } bad)
            {
                return bad;
            }
        }

        return book.Bids.Count > 0 && book.Asks.Count > 0 && book.Bids[0].Price >= book.Asks[0].Price
            ? FormattableString.Invariant($"crossed book: best bid {book.Bids[0].Price} is not below best ask {book.Asks[0].Price}")
            : null;
    }

    /// <summary>Why a trade print is impossible, or null.</summary>
    public static string? CheckTrade(Trade trade) => CheckLevel("trade", trade.Price, trade.Size);

    /// <summary>Why <paramref name="timeMs"/> is too far behind <paramref name="newestMs"/> (the newest earlier time in the file), or null.</summary>
    public static string? CheckTime(long newestMs, long timeMs) =>
        newestMs != long.MinValue && newestMs - timeMs > BackwardsToleranceMs
            ? FormattableString.Invariant($"time {timeMs} goes back {(newestMs - timeMs) / 1000.0:0.###} s behind an earlier row ({newestMs}), more than the {BackwardsToleranceMs / 1000} s tolerance")
            : null;
}
