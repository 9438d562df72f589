using System.Globalization;
using HyperMM.Core.Instruments;
using HyperMM.Core.Market;

namespace HyperMM.Core.Model;

/// <summary>
/// The centre a strategy quotes around, whatever its model (common key <c>fair_value</c>): the mid, or Stoikov's
/// micro-price mid + G*(I, S)·tick from the fitted table <c>microprice_g_ticks</c> (<see cref="MicroPriceTable"/>;
/// docs/MODEL.md §13). Every model adds <see cref="FairValueQuote.OffsetBps"/> to its own centre. Pure.
/// </summary>
public sealed class FairValue
{
    public const string Key = "fair_value";
    public const string TableKey = "microprice_g_ticks";
    public const string MidName = "mid";
    public const string MicroPriceName = "microprice";

    private FairValue(MicroPriceTable? microPrice) => MicroPrice = microPrice;

    /// <summary>The seed's centre: the mid.</summary>
    public static FairValue Mid { get; } = new(null);

    /// <summary>The names <c>fair_value</c> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = [MidName, MicroPriceName];

    /// <summary>The micro-price table, or null for the mid.</summary>
    public MicroPriceTable? MicroPrice { get; }

    public string Name => MicroPrice is null ? MidName : MicroPriceName;

    public static FairValue OfMicroPrice(MicroPriceTable table) => new(table ?? throw new ArgumentNullException(nameof(table)));

    /// <summary>The centre's offset from the mid for this book, with the decomposition terms (none for the mid).</summary>
    public FairValueQuote Evaluate(TopOfBook top, InstrumentSpec instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (MicroPrice is not { } table || !top.IsTwoSided)
        {
            return FairValueQuote.AtMid;
        }

        var tick = instrument.TickAt(top.Mid);
        var spreadTicks = Model.MicroPrice.SpreadTicks(top, tick);
        var bucket = Model.MicroPrice.Bucket(top.BidSize, top.AskSize, table.Buckets);
        var imbalance = Model.MicroPrice.Imbalance(top.BidSize, top.AskSize);
        var g = table.AdjustmentTicks(spreadTicks, bucket);
        var offset = table.OffsetBps(top, tick);
        QuoteTerm[] terms =
        [
            new("imbalance", "touch imbalance I (bucket, spread)", imbalance,
                string.Create(CultureInfo.InvariantCulture, $"{imbalance:0.###} (bucket {bucket + 1} of {table.Buckets}, {spreadTicks} tick{(spreadTicks == 1 ? "" : "s")})")),
            new("microPriceTicks", "micro-price G* (ticks)", g),
            new("fairValueBps", "fair value: micro-price (bps from mid)", offset),
        ];
        return new FairValueQuote(offset, terms);
    }
}
