namespace HyperMM.Core.Trading;

public enum OrderResultKind
{
    /// <summary>On the book (possibly after a partial fill).</summary>
    Resting = 0,

    /// <summary>Filled completely on arrival.</summary>
    Filled = 1,

    /// <summary>Refused; see the reason.</summary>
    Rejected = 2,
}
