namespace HyperMM.LocalExchange.Market;

/// <summary>Chooses the outside market: a custom source, a replay (<c>--replay PATH</c>), or the synthetic market.</summary>
public static class MarketSources
{
    public static IMarketSource Create(LocalExchangeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MarketSource is { } custom)
        {
            return custom;
        }

        if (options.ReplayPath is { } path)
        {
            return ReplaySource.FromPath(path, new HashSet<string>(LocalMarkets.All.Select(s => s.Coin.Name), StringComparer.Ordinal));
        }

        return SyntheticSource.Create(options.Seed, options.Time.GetUtcNow().ToUnixTimeMilliseconds());
    }
}
