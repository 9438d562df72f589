namespace HyperMM.Hyperliquid.Transport;

/// <summary>How one POST ended.</summary>
public enum HttpOutcome
{
    /// <summary>HTTP 2xx; the body is the venue's answer.</summary>
    Success = 0,

    /// <summary>HTTP 429.</summary>
    RateLimited = 1,

    /// <summary>Other 4xx (e.g. 422 "Failed to deserialize the JSON body").</summary>
    ClientError = 2,

    /// <summary>HTTP 5xx.</summary>
    ServerError = 3,

    /// <summary>No answer within the timeout: the request may or may not have been processed.</summary>
    Timeout = 4,

    /// <summary>Connection-level failure (DNS, refused, reset).</summary>
    TransportError = 5,
}
