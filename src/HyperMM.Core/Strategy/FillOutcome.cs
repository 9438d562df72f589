namespace HyperMM.Core.Strategy;

public enum FillOutcome
{
    /// <summary>New, and applied to position and PnL.</summary>
    Applied = 0,

    /// <summary>New to this run but older than the position adopted at start: recorded, not applied.</summary>
    Historical = 1,

    /// <summary>Already seen (same tid): ignored.</summary>
    Duplicate = 2,

    /// <summary>Another coin's fill: ignored.</summary>
    OtherCoin = 3,
}
