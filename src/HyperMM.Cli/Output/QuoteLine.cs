using System.Globalization;
using HyperMM.Core.Instruments;
using HyperMM.Core.Model;

namespace HyperMM.Cli.Output;

/// <summary>One strategy's decomposed quote.</summary>
public sealed record QuoteLine(StrategyParameters Strategy, InstrumentSpec Instrument, double VolBps1s, QuoteContext Context, ModelQuote Quote)
{
    public string Mode => Quote.Stage == 0 ? "normal" : string.Create(CultureInfo.InvariantCulture, $"fill pressure {Quote.Stage}");
}
