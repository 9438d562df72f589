namespace HyperMM.Core.Model;

/// <summary>How the live loop turns a new quote into orders.</summary>
public enum RequoteMode
{
    /// <summary>Keep orders whose price and size are within tolerance; otherwise modify them (batchModify).</summary>
    Amend = 0,

    /// <summary>The seed's behaviour: cancel the strategy's orders on the asset, then post a fresh bid and ask.</summary>
    Replace = 1,
}
