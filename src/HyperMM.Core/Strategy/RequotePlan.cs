using HyperMM.Core.Trading;

namespace HyperMM.Core.Strategy;

/// <summary>What one requote sends: cancels first, then modifies, then new orders.</summary>
public sealed class RequotePlan
{
    public List<ManagedOrder> Cancels { get; } = [];

    public List<(ManagedOrder Target, OrderRequest Replacement)> Modifies { get; } = [];

    public List<OrderRequest> Places { get; } = [];

    /// <summary>Orders left untouched because they are still close enough to the quote.</summary>
    public int Kept { get; set; }

    public bool IsEmpty => Cancels.Count == 0 && Modifies.Count == 0 && Places.Count == 0;

    /// <summary>Address-budget requests this plan costs (a batch of n counts n).</summary>
    public int RequestCost => Cancels.Count + Modifies.Count + Places.Count;
}
