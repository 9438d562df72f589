namespace HyperMM.Core.Strategy;

public enum ManagedOrderState
{
    /// <summary>Sent, no answer yet.</summary>
    Pending = 0,

    /// <summary>On the book.</summary>
    Resting = 1,

    /// <summary>The request timed out or the connection broke: it may or may not be on the book. Resolve by cloid.</summary>
    Ambiguous = 2,
}
