namespace HyperMM.Core.Market;

/// <summary>Best bid and ask with their sizes. A side with no orders has price 0.</summary>
public readonly record struct TopOfBook(decimal BidPrice, decimal BidSize, decimal AskPrice, decimal AskSize)
{
    public bool IsTwoSided => BidPrice > 0m && AskPrice > 0m && BidPrice < AskPrice;

    /// <summary>(bid + ask) / 2; only meaningful when <see cref="IsTwoSided"/>.</summary>
    public decimal Mid => (BidPrice + AskPrice) / 2m;
}
