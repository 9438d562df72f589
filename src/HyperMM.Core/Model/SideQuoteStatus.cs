namespace HyperMM.Core.Model;

/// <summary>Why a side is or is not quoted.</summary>
public enum SideQuoteStatus
{
    Quoted = 0,

    /// <summary>The position cap (counting resting orders) leaves no room on this side.</summary>
    AtCap = 1,

    /// <summary>What the cap allows is worth less than the venue's $10 minimum.</summary>
    BelowMinNotional = 2,

    /// <summary>The book has no two-sided top; nothing is quoted.</summary>
    NoMarket = 3,
}
