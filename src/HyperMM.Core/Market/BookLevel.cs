namespace HyperMM.Core.Market;

/// <summary>One price level of an L2 book: price, total size, and number of orders (0 when unknown).</summary>
public readonly record struct BookLevel(decimal Price, decimal Size, int Orders);
