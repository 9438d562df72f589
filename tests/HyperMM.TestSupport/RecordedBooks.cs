using System.Globalization;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;

namespace HyperMM.TestSupport;

/// <summary>
/// Reads the recorded Hyperliquid 20-level book CSVs (shared data, HL_data layout: timestamp, sequence,
/// exchange_timestamp, then bid_price_i, bid_size_i, ask_price_i, ask_size_i for i = 0..19) into snapshots.
/// A deliberately small reader for tests; the simulation has the full replay.
/// </summary>
public static class RecordedBooks
{
    public const string CalibrationFolder = "data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data";

    public static IEnumerable<OrderBookSnapshot> Read(string coin, string folder = CalibrationFolder)
    {
        var path = SharedData.File($"{folder}/orderbooks_{coin}.csv");
        var c = new Coin(coin);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var cells = line.Split(',');
            var time = long.Parse(cells[2], CultureInfo.InvariantCulture);
            var bids = new List<BookLevel>(20);
            var asks = new List<BookLevel>(20);
            for (var i = 3; i + 3 < cells.Length; i += 4)
            {
                if (cells[i].Length > 0)
                {
                    bids.Add(new BookLevel(decimal.Parse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture), decimal.Parse(cells[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture), 0));
                }

                if (cells[i + 2].Length > 0)
                {
                    asks.Add(new BookLevel(decimal.Parse(cells[i + 2], NumberStyles.Float, CultureInfo.InvariantCulture), decimal.Parse(cells[i + 3], NumberStyles.Float, CultureInfo.InvariantCulture), 0));
                }
            }

            yield return new OrderBookSnapshot(c, time, [.. bids], [.. asks]);
        }
    }
}
