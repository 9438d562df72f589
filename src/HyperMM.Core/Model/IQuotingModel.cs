namespace HyperMM.Core.Model;

/// <summary>
/// A quoting model: turns what the strategy knows (<see cref="QuoteContext"/>: book, position, orders whose fate is
/// unsettled, market statistics, time without a fill) into the orders it wants on the book, any number per side, with
/// a decomposition for display. Pure: no clock, no I/O, no state that changes between calls. One instance per
/// strategy, built by its <see cref="QuotingModelDefinition.Create"/>. docs/MODEL.md, "Adding a model".
/// </summary>
public interface IQuotingModel
{
    /// <summary>
    /// The fill-pressure stage after <paramref name="secondsWithoutFill"/> without a fill (0: normal quoting). A model
    /// without fill pressure returns 0. The loop reports it as the strategy's mode and counts time spent above 0.
    /// </summary>
    int PressureStage(double secondsWithoutFill);

    /// <summary>The desired orders. <see cref="ModelQuote.Orders"/> holds only venue-valid prices and sizes.</summary>
    ModelQuote Quote(in QuoteContext context);
}
