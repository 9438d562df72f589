using System.Globalization;
using HyperMM.Core.Instruments;
using HyperMM.Core.Primitives;

namespace HyperMM.Core.Model;

/// <summary>
/// <c>model: glft</c>: one bid and one ask at the Guéant-Lehalle-Fernandez-Tapia (2013) infinite-horizon depths
/// (<see cref="Glft"/>; docs/MODEL.md §12). Inventory q = position / <c>mm_order_size</c> (the paper's q in units of
/// the order size Δ, so Δ = 1), σ the running volatility estimate in bps per √s, A (<c>a_per_s</c>) and κ
/// (<c>kappa</c>) from <c>hypermm calibrate</c>. Written as a centre and a spread, the depths are
/// reservation = fair value − c2·σ·q and spread = 2·(c1 + ½·c2·σ): bid = reservation − spread/2, ask = reservation +
/// spread/2, which is the paper's bid depth half + skew·q and ask depth half − skew·q from the fair value. The same
/// guards as the seed's model: the skew kept within ±<c>max_spread_bps</c>, the spread within [<c>min_spread_bps</c>,
/// <c>max_spread_bps</c>]. Both sides quote <c>mm_order_size</c> (GLFT prices inventory through the skew, not the
/// size), through the shared venue steps (<see cref="VenueQuoting"/>). Fill pressure is off unless
/// <c>pressure_max_steps</c> &gt; 0: GLFT's spread already comes from the measured arrival intensity, and tightening it
/// after a quiet spell is what issue 14 measured to be the most adverse move of the seed's model.
/// </summary>
public sealed class GlftModel : IQuotingModel
{
    public const string ModelName = "glft";
    public const string GammaKey = "gamma";
    public const string KappaKey = "kappa";
    public const string APerSecondKey = "a_per_s";
    public const string MinSpreadBpsKey = "min_spread_bps";
    public const string MaxSpreadBpsKey = "max_spread_bps";

    private readonly StrategyParameters _strategy;
    private readonly InstrumentSpec _instrument;
    private readonly double _gamma;
    private readonly double _kappa;
    private readonly double _aPerSecond;
    private readonly double _minSpreadBps;
    private readonly double _maxSpreadBps;
    private readonly double _targetFillSeconds;
    private readonly FillPressureOptions _pressure;

    private GlftModel(StrategyParameters strategy, InstrumentSpec instrument)
    {
        _strategy = strategy;
        _instrument = instrument;
        var m = strategy.Model;
        (_gamma, _kappa, _aPerSecond) = (m[GammaKey], m[KappaKey], m[APerSecondKey]);
        (_minSpreadBps, _maxSpreadBps) = (m[MinSpreadBpsKey], m[MaxSpreadBpsKey]);
        _targetFillSeconds = m[FillPressureOptions.TargetFillSecondsKey];
        _pressure = FillPressureOptions.From(m);
    }

    public static QuotingModelDefinition Definition { get; } = new(
        ModelName,
        "Guéant-Lehalle-Fernandez-Tapia (2013) infinite-horizon closed-form depths from calibrated A and kappa; fill pressure off by default",
        new ParameterSchema(
        [
            new(GammaKey, ParameterKind.Number, "risk aversion gamma (= xi), per bps per order of inventory", Required: true, Min: 0, Max: 10, MinExclusive: true),
            new(KappaKey, ParameterKind.Number, "order-arrival decay kappa, per bps (hypermm calibrate)", Required: true, Min: 0, Max: 1_000, MinExclusive: true),
            new(APerSecondKey, ParameterKind.Number, "order-arrival rate A at the centre, per second per side (hypermm calibrate)", Required: true, Min: 0, Max: 100_000, MinExclusive: true),
            new(MinSpreadBpsKey, ParameterKind.Number, "lower spread bound, bps of mid (0: none)", Min: 0, Max: 2_000, Default: 0.0),
            new(MaxSpreadBpsKey, ParameterKind.Number, "upper spread bound and skew bound, bps of mid", Min: 0, Max: 2_000, MinExclusive: true, Default: 200.0),
            .. FillPressureOptions.Keys(defaultMaxSteps: 0),
        ]),
        CheckAcross,
        (strategy, instrument) => new GlftModel(strategy, instrument));

    public int PressureStage(double secondsWithoutFill) => FillPressure.Stage(secondsWithoutFill, _targetFillSeconds, _pressure);

    public ModelQuote Quote(in QuoteContext context)
    {
        var top = context.Top;
        var sigma2 = context.Market.Sigma2HorizonBps2;
        var stage = PressureStage(context.SecondsWithoutFill);
        if (!top.IsTwoSided)
        {
            return new ModelQuote(0m, 0m, 0.0, 0.0, stage, sigma2, 0.0, VenueQuoting.NoMarket, []);
        }

        var mid = top.Mid;
        var qOrders = (double)(context.Position / _strategy.OrderSize);
        var qCap = Math.Clamp((double)(context.Position / _strategy.MaxAbsPosition), -1.0, 1.0);
        var sigma = Math.Sqrt(Math.Max(0.0, context.Market.VariancePerSecondBps2));
        var glft = Glft.Depths(_gamma, _kappa, _aPerSecond, 1.0, sigma, qOrders);
        var fair = _strategy.FairValue.Evaluate(top, _instrument);

        // Centre and spread: the bid depth half + skew·q and the ask depth half − skew·q from the fair value.
        var skewShift = Math.Clamp(glft.SkewBps * qOrders, -_maxSpreadBps, _maxSpreadBps);
        var reservationBps = fair.OffsetBps - skewShift;
        var rawSpread = 2.0 * glft.HalfSpreadBps;
        var clampedSpread = Math.Clamp(rawSpread, _minSpreadBps, _maxSpreadBps);
        var spread = FillPressure.SpreadBps(clampedSpread, stage, _pressure);
        var crossSide = FillPressure.CrossingSide(stage, qCap, context.Position, _pressure);
        var tif = stage > 0 ? TimeInForce.Gtc : TimeInForce.Alo;
        var size = (double)_strategy.OrderSize;
        var inputs = new QuoteInputs(top, context.Position, context.UnsettledBidSize, context.UnsettledAskSize, sigma2, stage, fair.OffsetBps);
        var (bid, ask) = VenueQuoting.BidAndAsk(
            inputs, _strategy.MaxAbsPosition, _instrument,
            new Bps(reservationBps - (spread / 2.0)).ApplyTo(mid), new Bps(reservationBps + (spread / 2.0)).ApplyTo(mid),
            size, size, tif, crossSide);

        QuoteTerm[] terms =
        [
            .. fair.Terms,
            new("qOrders", "q = position / order size", qOrders, F(qOrders, "0.####")),
            new("c1", "GLFT c1 = ln(1 + γ/κ)/γ (bps)", glft.C1),
            new("c2", "GLFT c2", glft.C2, F(glft.C2, "0.####")),
            new("halfSpreadBps", "half spread c1 + c2·σ/2 (bps)", glft.HalfSpreadBps),
            new("skewBps", "skew c2·σ (bps per order)", glft.SkewBps),
            new("reservationBps", "centre − skew·q (bps, price)", reservationBps, $"{F(reservationBps, "0.###")} → {P(new Bps(reservationBps).ApplyTo(mid))}"),
            new("rawSpreadBps", "raw spread (bps)", rawSpread),
            new("clampedSpreadBps", "clamped spread (bps)", clampedSpread, $"{F(clampedSpread, "0.###")} in [{F(_minSpreadBps, "0.##")}, {F(_maxSpreadBps, "0.##")}]"),
            new("spreadBps", "spread used (bps)", spread),
        ];
        return new ModelQuote(mid, new Bps(reservationBps).ApplyTo(mid), clampedSpread, spread, stage, sigma2, qCap, [bid, ask], terms);
    }

    private static IEnumerable<ParameterViolation> CheckAcross(ModelParameters model)
    {
        if (ParameterRules.NotAbove(model, MinSpreadBpsKey, MaxSpreadBpsKey) is { } bounds)
        {
            yield return bounds;
        }

        foreach (var violation in FillPressureOptions.CheckAcross(model, MaxSpreadBpsKey))
        {
            yield return violation;
        }
    }

    private static string P(decimal d) => decimal.Round(d, 6).ToString("0.########", CultureInfo.InvariantCulture);

    private static string F(double d, string format) => (d == 0.0 ? 0.0 : d).ToString(format, CultureInfo.InvariantCulture);
}
