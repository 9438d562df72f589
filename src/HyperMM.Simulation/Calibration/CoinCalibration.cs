using HyperMM.Core.Market;
using HyperMM.Core.Primitives;

namespace HyperMM.Simulation.Calibration;

/// <summary>
/// What <see cref="MarketCalibrator"/> measured for one coin. Units: bps of mid for spreads and depths, coin units
/// for sizes, seconds for time. <see cref="Intensity"/> is null when too few taker orders went beyond the touch.
/// </summary>
public sealed record CoinCalibration
{
    public required Coin Coin { get; init; }

    /// <summary>Span of the data: last event time − first event time.</summary>
    public required double Seconds { get; init; }

    public required int Books { get; init; }

    /// <summary>Trade prints.</summary>
    public required int Trades { get; init; }

    /// <summary>Taker orders (prints grouped by millisecond and side, see <see cref="TakerEvents"/>).</summary>
    public required int TakerOrders { get; init; }

    /// <summary>Per-second variance of log mid returns, bps²/s (NaN without two sampled mids).</summary>
    public required double VarianceBps2PerSecond { get; init; }

    /// <summary>Standard deviation of a 1 s log mid return, bps: the config's <c>vol_prior_bps_1s</c>.</summary>
    public double SigmaBps1s => Math.Sqrt(VarianceBps2PerSecond);

    public required IntensityFit? Intensity { get; init; }

    /// <summary>Stoikov's micro-price adjustment table fitted from the books, or null (<see cref="MicroPriceProblem"/> says why).</summary>
    public required MicroPriceFit? MicroPrice { get; init; }

    /// <summary>Why there is no <see cref="MicroPrice"/> fit; null when there is one.</summary>
    public string? MicroPriceProblem { get; init; }

    public required double MedianMid { get; init; }

    public required double SpreadBpsMedian { get; init; }

    public required double SpreadBpsMean { get; init; }

    /// <summary>Best bid and best ask sizes pooled, coin units.</summary>
    public required decimal TopSizeMedian { get; init; }

    public required decimal TopSizeMean { get; init; }

    public required decimal TradeSizeMedian { get; init; }

    public required decimal TradeSizeMean { get; init; }

    public required decimal TradeSizeP90 { get; init; }

    /// <summary>Sum of print sizes, coin units.</summary>
    public required decimal Volume { get; init; }

    /// <summary>Share of prints whose aggressor bought.</summary>
    public required double BuyShare { get; init; }

    /// <summary>Share of taker orders priced on the near side of the previous mid (the mid had moved since that book).</summary>
    public required double InsideMidShare { get; init; }
}
