namespace HyperMM.Core.Accounting;

/// <summary>What a <see cref="LedgerEntry"/> books.</summary>
public enum LedgerEntryKind
{
    /// <summary>The ledger opened (start of its window), flat.</summary>
    Open = 0,

    /// <summary>A new mid.</summary>
    Mark = 1,

    /// <summary>A fill.</summary>
    Fill = 2,

    /// <summary>A position taken over without a fill (adopted from the venue at start or on a resync), booked at <see cref="LedgerEntry.Mid"/>.</summary>
    Adjust = 3,
}
