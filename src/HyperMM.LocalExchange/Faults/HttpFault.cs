namespace HyperMM.LocalExchange.Faults;

/// <summary>What the fault switches do to one HTTP request.</summary>
public enum HttpFault
{
    None,
    Delay,
    ServerError,
    TooManyRequests,
}
