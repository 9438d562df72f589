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

        throw new NotSupportedException("synthetic/replay sources arrive with the simulation branch");
    }
}
