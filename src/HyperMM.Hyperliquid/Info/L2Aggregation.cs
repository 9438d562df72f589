using System.Text.Json;
using HyperMM.Core.Market;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Info;

/// <summary>
/// The optional aggregation of an <c>l2Book</c> request or subscription (PROTOCOL §1.4 and §6.2; DOCS
/// info-endpoint "L2 book snapshot"): <c>nSigFigs</c> 2..5 or null (full precision), <c>mantissa</c> 1, 2 or 5 and
/// only together with <c>nSigFigs</c> 5.
/// <para>
/// Rule (the docs name the parameters but not the arithmetic; this is our reading): a level at price p falls in a
/// bucket of width <c>mantissa × 10^(e − nSigFigs + 1)</c>, e = floor(log10 p), so the bucket keeps nSigFigs
/// significant figures; for ETH near 3,000 the steps are 0.1 / 0.2 / 0.5 (nSigFigs 5, mantissa 1 / 2 / 5) and
/// 1 / 10 / 100 (nSigFigs 4 / 3 / 2). Bids round down and asks round up to their bucket (an aggregated level never
/// shows a better price than the orders in it; the rounding direction is UNCONFIRMED). Sizes and order counts of
/// levels in one bucket add up; at most 20 levels per side remain.
/// </para>
/// </summary>
public readonly record struct L2Aggregation(int? NSigFigs, int? Mantissa)
{
    public const int MaxLevels = 20;

    /// <summary>Full precision: the book as it is.</summary>
    public static L2Aggregation Full => default;

    /// <summary>Every aggregation a client may ask for, full precision first.</summary>
    public static IReadOnlyList<L2Aggregation> All { get; } =
        [Full, new(2, null), new(3, null), new(4, null), new(5, null), new(5, 1), new(5, 2), new(5, 5)];

    public bool IsFull => NSigFigs is null;

    /// <summary>Routing key for subscriptions ("" for full precision, else e.g. "5" or "5m2").</summary>
    public string Key => NSigFigs is not { } n ? string.Empty : Mantissa is { } m ? $"{n}m{m}" : $"{n}";

    /// <summary>Reads <c>nSigFigs</c> and <c>mantissa</c> from a request or subscription object.</summary>
    /// <exception cref="WireFormatException">A value of the wrong type or out of the allowed set.</exception>
    public static L2Aggregation Parse(JsonElement request)
    {
        var n = Optional(request, "nSigFigs");
        var m = Optional(request, "mantissa");
        if (n is { } sig && sig is < 2 or > 5)
        {
            throw new WireFormatException($"request.nSigFigs: {sig} is not one of 2, 3, 4, 5 or null.");
        }

        if (m is { } mantissa)
        {
            if (mantissa is not (1 or 2 or 5))
            {
                throw new WireFormatException($"request.mantissa: {mantissa} is not one of 1, 2, 5 or null.");
            }

            if (n != 5)
            {
                throw new WireFormatException("request.mantissa: only allowed with nSigFigs 5.");
            }
        }

        return new L2Aggregation(n, m);
    }

    public OrderBookSnapshot Apply(OrderBookSnapshot book)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (NSigFigs is not { } n)
        {
            return book;
        }

        var mantissa = Mantissa ?? 1;
        return new OrderBookSnapshot(book.Coin, book.TimeMs, Side(book.Bids, n, mantissa, roundUp: false), Side(book.Asks, n, mantissa, roundUp: true));
    }

    /// <summary>The bucket width for a price: mantissa × 10^(floor(log10 price) − nSigFigs + 1).</summary>
    public static decimal BucketWidth(decimal price, int nSigFigs, int mantissa)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        var exponent = 0;
        for (var p = price; p >= 10m; p /= 10m)
        {
            exponent++;
        }

        for (var p = price; p < 1m; p *= 10m)
        {
            exponent--;
        }

        return mantissa * Pow10(exponent - nSigFigs + 1);
    }

    private static BookLevel[] Side(IReadOnlyList<BookLevel> levels, int nSigFigs, int mantissa, bool roundUp)
    {
        var result = new List<BookLevel>(Math.Min(levels.Count, MaxLevels));
        foreach (var level in levels)
        {
            if (level.Price <= 0m)
            {
                continue;
            }

            var width = BucketWidth(level.Price, nSigFigs, mantissa);
            var buckets = level.Price / width;
            var price = (roundUp ? decimal.Ceiling(buckets) : decimal.Floor(buckets)) * width;
            if (result.Count > 0 && result[^1].Price == price)
            {
                var last = result[^1];
                result[^1] = new BookLevel(price, last.Size + level.Size, last.Orders + level.Orders);
            }
            else if (result.Count == MaxLevels)
            {
                break;
            }
            else
            {
                result.Add(new BookLevel(price, level.Size, level.Orders));
            }
        }

        return [.. result];
    }

    private static decimal Pow10(int exponent)
    {
        var value = 1m;
        for (var i = 0; i < exponent; i++)
        {
            value *= 10m;
        }

        for (var i = 0; i > exponent; i--)
        {
            value /= 10m;
        }

        return value;
    }

    private static int? Optional(JsonElement request, string name)
    {
        if (request.ValueKind != JsonValueKind.Object || !request.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n)
            ? n
            : throw new WireFormatException($"request.{name}: expected a small integer or null, got {JsonFields.Describe(value)}.");
    }
}
