namespace HyperMM.Core.Instruments;

public enum RoundingDirection
{
    /// <summary>Towards zero for positive values: bids, and sizes.</summary>
    Down = 0,

    /// <summary>Away from zero for positive values: asks.</summary>
    Up = 1,
}
