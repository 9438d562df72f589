using System.Globalization;
using HyperMM.Core.Instruments;
using HyperMM.Core.Primitives;

namespace HyperMM.Core.Model;

/// <summary>
/// <c>model: ladder</c>: a symmetric grid of <c>ladder_levels</c> bids and asks around the fair value (the mid by default), the first
/// <c>ladder_first_bps</c> from it and each next one <c>ladder_step_bps</c> further, every level
/// <c>mm_order_size</c>, the centre leaning <c>ladder_skew_bps</c> × q against the inventory. Post-only, no fill
/// pressure. The position cap counts the levels nearer the mid (and unsettled orders), so the whole ladder never
/// exceeds it. Written against the seam alone (one file): the example docs/MODEL.md walks through.
/// </summary>
public sealed class LadderModel : IQuotingModel
{
    public const string ModelName = "ladder";
    private const string Levels = "ladder_levels";
    private const string FirstBps = "ladder_first_bps";
    private const string StepBps = "ladder_step_bps";
    private const string SkewBps = "ladder_skew_bps";

    private readonly StrategyParameters _strategy;
    private readonly InstrumentSpec _instrument;
    private readonly int _levels;
    private readonly double _firstBps;
    private readonly double _stepBps;
    private readonly double _skewBps;

    private LadderModel(StrategyParameters strategy, InstrumentSpec instrument)
    {
        _strategy = strategy;
        _instrument = instrument;
        _levels = (int)strategy.Model[Levels];
        _firstBps = strategy.Model[FirstBps];
        _stepBps = strategy.Model[StepBps];
        _skewBps = strategy.Model[SkewBps];
    }

    public static QuotingModelDefinition Definition { get; } = new(
        ModelName,
        "a symmetric grid of post-only orders around the mid, leaning against the inventory",
        new ParameterSchema(
        [
            new(Levels, ParameterKind.WholeNumber, "orders per side", Min: 1, Max: 20, Default: 3),
            new(FirstBps, ParameterKind.Number, "distance of the nearest level from the centre, bps", Min: 0, Max: 2_000, MinExclusive: true, Default: 5.0),
            new(StepBps, ParameterKind.Number, "distance between levels, bps", Min: 0, Max: 2_000, MinExclusive: true, Default: 5.0),
            new(SkewBps, ParameterKind.Number, "centre shift at a full position (q = 1), bps, against the inventory", Min: 0, Max: 2_000, Default: 0.0),
        ]),
        _ => [],
        (strategy, instrument) => new LadderModel(strategy, instrument));

    public int PressureStage(double secondsWithoutFill) => 0;

    public ModelQuote Quote(in QuoteContext context)
    {
        var top = context.Top;
        if (!top.IsTwoSided)
        {
            return new ModelQuote(0m, 0m, 0.0, 0.0, 0, context.Market.Sigma2HorizonBps2, 0.0, [], []);
        }

        var mid = top.Mid;
        var q = Math.Clamp((double)(context.Position / _strategy.MaxAbsPosition), -1.0, 1.0);
        var fair = _strategy.FairValue.Evaluate(top, _instrument);
        var centreBps = fair.OffsetBps - (q * _skewBps);
        var orders = new SideQuote[2 * _levels];
        AddSide(orders, 0, Side.Buy, context, mid, centreBps);
        AddSide(orders, _levels, Side.Sell, context, mid, centreBps);
        var spread = 2.0 * _firstBps;
        QuoteTerm[] terms =
        [
            .. fair.Terms,
            new("q", "q = position / cap", q, q.ToString("0.####", CultureInfo.InvariantCulture)),
            new("centreBps", "centre (bps from mid)", centreBps),
            new("levels", "levels per side", _levels),
            new("innerSpreadBps", "inner spread (bps)", spread),
            new("outerSpreadBps", "outer spread (bps)", spread + (2.0 * _stepBps * (_levels - 1))),
        ];
        return new ModelQuote(mid, new Bps(centreBps).ApplyTo(mid), spread, spread, 0, context.Market.Sigma2HorizonBps2, q, orders, terms);
    }

    private void AddSide(SideQuote[] orders, int at, Side side, in QuoteContext context, decimal mid, double centreBps)
    {
        var sign = side == Side.Buy ? -1.0 : 1.0;
        var open = side == Side.Buy ? context.UnsettledBidSize : context.UnsettledAskSize;
        for (var level = 0; level < _levels; level++)
        {
            var model = new Bps(centreBps + (sign * (_firstBps + (level * _stepBps)))).ApplyTo(mid);
            var touch = VenueQuoting.BehindTouch(side, model, context.Top, _instrument);
            var price = VenueQuoting.Round(side, touch, _instrument);
            var capacity = VenueQuoting.Capacity(side, _strategy.MaxAbsPosition, context.Position, open);
            var (size, status) = VenueQuoting.Size((double)_strategy.OrderSize, capacity, price, _instrument, VenueQuoting.DoesNotAddToInventory(side, context.Position));
            open += size;
            orders[at + level] = new SideQuote(side, model, touch, price, (double)_strategy.OrderSize, size, TimeInForce.Alo, false, false, status) { Level = level };
        }
    }
}
