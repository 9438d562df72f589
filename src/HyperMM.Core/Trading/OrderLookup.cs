using HyperMM.Core.Primitives;

namespace HyperMM.Core.Trading;

/// <summary>What the venue knows about one order looked up by cloid (used after an ambiguous timeout).</summary>
public sealed record OrderLookup(Cloid Cloid, OrderState State, OpenOrder? Order);
