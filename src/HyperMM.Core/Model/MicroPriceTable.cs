using System.Globalization;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;

namespace HyperMM.Core.Model;

/// <summary>
/// Stoikov's micro-price adjustment G*(I, S) (2018, §2-§3: the micro-price is the limit of the expected mids at the
/// next mid changes, G* = lim G^i with G^(i+1) = G^1 + B·G^i), fitted from
/// recorded books by <c>hypermm calibrate</c> and read from config (<c>microprice_g_ticks</c>): row s − 1 holds the
/// spread of s ticks, column k the imbalance bucket k of <see cref="MicroPrice.Bucket"/>; values in ticks. The
/// micro-price is mid + G*(I, S) · tick. Outside the table (a spread wider than its rows, no sizes) the adjustment is
/// 0: the centre falls back to the mid. Pure and immutable.
/// </summary>
public sealed class MicroPriceTable
{
    /// <summary>|G| above this many ticks is refused: an adjustment is a fraction of the spread, not a jump.</summary>
    public const double MaxAbsTicks = 100.0;

    private readonly double[][] _rows;

    private MicroPriceTable(double[][] rows)
    {
        _rows = rows;
        Buckets = rows[0].Length;
    }

    /// <summary>Imbalance buckets (columns).</summary>
    public int Buckets { get; }

    /// <summary>The widest spread the table covers, ticks (rows).</summary>
    public int MaxSpreadTicks => _rows.Length;

    /// <summary>A table from rows (spread 1, 2, ... ticks) of bucket values in ticks; throws <see cref="ArgumentException"/> with <see cref="Check"/>'s words.</summary>
    public static MicroPriceTable Create(IReadOnlyList<IReadOnlyList<double>> rows)
    {
        var problem = Check(rows);
        return problem is null
            ? new MicroPriceTable([.. rows.Select(r => r.ToArray())])
            : throw new ArgumentException(problem, nameof(rows));
    }

    /// <summary>What is wrong with a table, in words for a config error, or null when it is usable.</summary>
    public static string? Check(IReadOnlyList<IReadOnlyList<double>> rows)
    {
        if (rows is null || rows.Count == 0)
        {
            return "the table needs at least one row (spread of 1 tick)";
        }

        var buckets = rows[0].Count;
        if (buckets < 2)
        {
            return "each row needs at least 2 imbalance buckets";
        }

        for (var s = 0; s < rows.Count; s++)
        {
            if (rows[s].Count != buckets)
            {
                return $"row {s + 1} (spread {s + 1} ticks) has {rows[s].Count} values, row 1 has {buckets}: every row needs one value per imbalance bucket";
            }

            foreach (var g in rows[s])
            {
                if (!double.IsFinite(g) || Math.Abs(g) > MaxAbsTicks)
                {
                    return $"row {s + 1} has {g.ToString(CultureInfo.InvariantCulture)}: values are ticks, finite, within ±{MaxAbsTicks.ToString(CultureInfo.InvariantCulture)}";
                }
            }
        }

        return null;
    }

    /// <summary>G*(bucket, spread) in ticks; 0 outside the table.</summary>
    public double AdjustmentTicks(int spreadTicks, int bucket) =>
        spreadTicks >= 1 && spreadTicks <= _rows.Length && bucket >= 0 && bucket < Buckets ? _rows[spreadTicks - 1][bucket] : 0.0;

    /// <summary>The adjustment for a top of book, in ticks (0 for a book the table does not cover).</summary>
    public double AdjustmentTicks(TopOfBook top, decimal tick)
    {
        return top.IsTwoSided
            ? AdjustmentTicks(MicroPrice.SpreadTicks(top, tick), MicroPrice.Bucket(top.BidSize, top.AskSize, Buckets))
            : 0.0;
    }

    /// <summary>The micro-price's offset from mid, bps of mid: G* · tick / mid.</summary>
    public double OffsetBps(TopOfBook top, decimal tick)
    {
        var g = AdjustmentTicks(top, tick);
        return g == 0.0 ? 0.0 : g * (double)(tick / top.Mid) * Bps.PerUnit;
    }

    /// <summary>Row s − 1: the values for a spread of s ticks.</summary>
    public IReadOnlyList<double> Row(int spreadTicks) => _rows[spreadTicks - 1];
}
