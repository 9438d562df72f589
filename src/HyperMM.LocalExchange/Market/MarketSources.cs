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

        var listed = new HashSet<string>(LocalMarkets.All.Select(s => s.Coin.Name), StringComparer.Ordinal);
        if (options.ReplayPath is { } path)
        {
            if (Directory.Exists(path))
            {
                return ReplaySource.FromHlCsvDirectory(path, listed);
            }

            throw new NotSupportedException($"{path}: replay of a single recording file is not supported yet; pass a folder in the HL CSV layout.");
        }

        throw new NotSupportedException("The synthetic market is not available yet.");
    }
}
