using System.Globalization;
using HyperMM.Core.Instruments;

namespace HyperMM.Core.Model;

/// <summary>
/// The seed's model, <c>model: avellaneda_stoikov</c>: one bid and one ask around the Avellaneda-Stoikov reservation
/// price, with size skew, position caps and fill pressure (<see cref="QuoteEngine"/>; docs/MODEL.md §2-§8). Its keys:
/// <see cref="AvellanedaStoikovParameters.Schema"/>.
/// </summary>
public sealed class AvellanedaStoikovModel : IQuotingModel
{
    public const string ModelName = "avellaneda_stoikov";

    private readonly InstrumentSpec _instrument;
    private readonly double _horizonSeconds;
    private readonly FairValue _fairValue;

    public AvellanedaStoikovModel(AvellanedaStoikovParameters parameters, InstrumentSpec instrument, double horizonSeconds, FairValue? fairValue = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(instrument);
        Parameters = parameters;
        _instrument = instrument;
        _horizonSeconds = horizonSeconds;
        _fairValue = fairValue ?? FairValue.Mid;
    }

    public static QuotingModelDefinition Definition { get; } = new(
        ModelName,
        "Avellaneda-Stoikov (2008) reservation price and spread, with size skew, position caps and fill pressure",
        AvellanedaStoikovParameters.Schema,
        AvellanedaStoikovParameters.CheckAcross,
        (strategy, instrument) => new AvellanedaStoikovModel(AvellanedaStoikovParameters.From(strategy), instrument, strategy.Volatility.HorizonSeconds, strategy.FairValue));

    public AvellanedaStoikovParameters Parameters { get; }

    public int PressureStage(double secondsWithoutFill) =>
        FillPressure.Stage(secondsWithoutFill, Parameters.TargetFillSeconds, Parameters.FillPressure);

    public ModelQuote Quote(in QuoteContext context)
    {
        var fair = _fairValue.Evaluate(context.Top, _instrument);
        var inputs = new QuoteInputs(
            context.Top,
            context.Position,
            context.UnsettledBidSize,
            context.UnsettledAskSize,
            context.Market.Sigma2HorizonBps2,
            PressureStage(context.SecondsWithoutFill),
            fair.OffsetBps);
        return ToModelQuote(QuoteEngine.Compute(inputs, Parameters, _instrument), fair);
    }

    /// <summary>The engine's decomposition as the seam's quote: the two orders and the steps in order (the fair value's first, if any).</summary>
    public ModelQuote ToModelQuote(QuoteResult r, FairValueQuote? fair = null)
    {
        var p = Parameters;
        QuoteTerm[] terms =
        [
            .. (fair ?? FairValueQuote.AtMid).Terms,
            new("sigma2HBps2", "sigma2_h (bps², h = horizon)", r.Sigma2HorizonBps2, F(r.Sigma2HorizonBps2, "0.###") + " (h=" + F(_horizonSeconds, "0.#") + "s)"),
            new("q", "q = position / cap", r.Q, F(r.Q, "0.####")),
            new("reservationBps", "reservation (bps, price)", r.ReservationBps, $"{F(r.ReservationBps, "0.###")} → {Px(decimal.Round(r.ReservationPrice, 6))}"),
            new("rawSpreadBps", "raw spread (bps)", r.RawSpreadBps),
            new("clampedSpreadBps", "clamped spread (bps)", r.ClampedSpreadBps, $"{F(r.ClampedSpreadBps, "0.###")} in [{F(p.MinSpreadBps, "0.##")}, {F(p.MaxSpreadBps, "0.##")}]"),
            new("spreadBps", "spread used (bps)", r.SpreadBps),
        ];
        return new ModelQuote(r.Mid, r.ReservationPrice, r.ClampedSpreadBps, r.SpreadBps, r.PressureStage, r.Sigma2HorizonBps2, r.Q, [r.Bid, r.Ask], terms);
    }

    private static string Px(decimal d) => d.ToString("0.########", CultureInfo.InvariantCulture);

    private static string F(double d, string format) => (d == 0.0 ? 0.0 : d).ToString(format, CultureInfo.InvariantCulture);
}
