using HyperMM.Hyperliquid.Accounts;

namespace HyperMM.Cli.Failures;

/// <summary>
/// The venue did not answer (connection refused, DNS, timeouts, 5xx, or rate limited beyond the wait). The message
/// is one line: "could not reach {venue} at {url}: {reason}". Exit code 3.
/// </summary>
public sealed class VenueUnreachableException : Exception
{
    public VenueUnreachableException()
    {
    }

    public VenueUnreachableException(string message)
        : base(message)
    {
    }

    public VenueUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// True for the ways a venue fails to answer: connection errors, timeouts, and /info queries that failed after their
    /// retries on transport, timeout, 5xx or 429. A 4xx answer is an answer (the venue is there) and is not included.
    /// </summary>
    public static bool IsUnreachable(Exception exception) => exception switch
    {
        VenueUnreachableException or HttpRequestException or System.Net.Sockets.SocketException or TimeoutException => true,
        Hyperliquid.Info.HyperliquidInfoException info => info.Reason is Core.Trading.RejectReason.Transport or Core.Trading.RejectReason.Timeout
            or Core.Trading.RejectReason.ServerError or Core.Trading.RejectReason.HttpRateLimited,
        _ => false,
    };

    /// <summary>The one-line message every surface prints for an unreachable venue.</summary>
    public static VenueUnreachableException For(HyperliquidEndpoint endpoint, Exception cause)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(cause);
        if (cause is VenueUnreachableException already)
        {
            return already;
        }

        var venue = endpoint == HyperliquidEndpoint.Mainnet ? "Hyperliquid mainnet"
            : endpoint == HyperliquidEndpoint.Testnet ? "Hyperliquid testnet"
            : "the exchange";
        var reason = cause is Hyperliquid.Info.HyperliquidInfoException { Detail: { } detail } ? detail : cause.Message;
        return new VenueUnreachableException($"could not reach {venue} at {endpoint.BaseUri.GetLeftPart(UriPartial.Authority)}: {reason}", cause);
    }
}
