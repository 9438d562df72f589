namespace HyperMM.Cli.Commands;

/// <summary>The inputs of <c>hypermm quote</c>.</summary>
public sealed record QuoteRequestInputs(
    PerCoinValues Mid,
    PerCoinValues Position,
    PerCoinValues Vol,
    PerCoinValues UnsettledBid,
    PerCoinValues UnsettledAsk,
    double SecondsWithoutFill)
{
    /// <summary><c>--imbalance</c>: the book's touch imbalance per coin (default 0.5: equal sizes).</summary>
    public PerCoinValues? Imbalance { get; init; }
}
