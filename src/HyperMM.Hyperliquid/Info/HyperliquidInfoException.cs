using HyperMM.Core.Trading;

namespace HyperMM.Hyperliquid.Info;

/// <summary>An /info query failed after its retries (rate limit, server error, timeout, 4xx). Carries the reason.</summary>
public sealed class HyperliquidInfoException : Exception
{
    public HyperliquidInfoException()
    {
    }

    public HyperliquidInfoException(string message)
        : base(message)
    {
    }

    public HyperliquidInfoException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HyperliquidInfoException(RejectReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    public HyperliquidInfoException(RejectReason reason, string message, string? detail)
        : base(message)
    {
        Reason = reason;
        Detail = detail;
    }

    public RejectReason Reason { get; } = RejectReason.Unknown;

    /// <summary>What went wrong on the way, without the request ("Connection refused (127.0.0.1:9)", "HTTP 429 …").</summary>
    public string? Detail { get; }
}
