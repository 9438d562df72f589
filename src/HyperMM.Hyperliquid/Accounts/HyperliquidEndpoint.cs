namespace HyperMM.Hyperliquid.Accounts;

/// <summary>
/// Where to talk to and which network the signatures are for. The network flag is explicit (PROTOCOL §1.1): a
/// custom base URI (the local exchange) says itself whether it verifies mainnet or testnet signatures.
/// </summary>
public sealed record HyperliquidEndpoint
{
    public HyperliquidEndpoint(Uri baseUri, bool isMainnet)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The base URI must be an absolute http(s) URI, got '{baseUri}'.", nameof(baseUri));
        }

        BaseUri = new Uri(baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
        IsMainnet = isMainnet;
    }

    public static HyperliquidEndpoint Mainnet { get; } = new(new Uri("https://api.hyperliquid.xyz"), true);

    public static HyperliquidEndpoint Testnet { get; } = new(new Uri("https://api.hyperliquid-testnet.xyz"), false);

    public static HyperliquidEndpoint Custom(Uri baseUri, bool isMainnet) => new(baseUri, isMainnet);

    /// <summary>Always ends with a slash.</summary>
    public Uri BaseUri { get; }

    public bool IsMainnet { get; }

    public Uri InfoUri => new(BaseUri, "info");

    public Uri ExchangeUri => new(BaseUri, "exchange");

    /// <summary>http → ws, https → wss, plus <c>/ws</c> (python SDK rule).</summary>
    public Uri WebSocketUri
    {
        get
        {
            var builder = new UriBuilder(new Uri(BaseUri, "ws"))
            {
                Scheme = BaseUri.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            };
            return builder.Uri;
        }
    }

    public override string ToString() => $"{BaseUri} ({(IsMainnet ? "mainnet" : "testnet")} signatures)";
}
