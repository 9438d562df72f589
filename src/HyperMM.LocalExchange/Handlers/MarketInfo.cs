using System.Text.Json;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Info;
using HyperMM.LocalExchange.Json;
using HyperMM.LocalExchange.Market;

namespace HyperMM.LocalExchange.Handlers;

/// <summary>The market side of /info and the pushes: <c>meta</c>, asset contexts, mids and books of the listed perps.</summary>
internal sealed class MarketInfo(VenueContext venue)
{
    /// <summary>The context of a universe placeholder: no market, every figure zero.</summary>
    private static readonly PerpAssetContext UnlistedContext = new(0m, 0m, 0m, 0m, null, 0m, 0m, null, null, null, 0m);

    /// <summary>The coin as listed here, or null when the venue does not list it.</summary>
    public static Coin? Listed(Coin? coin) => coin is { } c && LocalMarkets.ByCoin(c.Name) is { } spec ? spec.Coin : null;

    public static void WriteMeta(Utf8JsonWriter w) => LocalMarkets.Meta.Write(w);

    /// <summary>The book of a listed coin: the outside market merged with the accounts' orders.</summary>
    public OrderBookSnapshot Book(Coin coin) => venue.Locked(() => venue.Engine.GetBook(coin));

    /// <summary><c>metaAndAssetCtxs[1]</c>: one context per universe entry, placeholders included, in universe order.</summary>
    public void WriteAssetContexts(Utf8JsonWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartArray();
        for (var asset = 0; asset < LocalMarkets.Meta.Universe.Count; asset++)
        {
            if (LocalMarkets.ByAsset(asset) is not { } spec)
            {
                UnlistedContext.Write(w);
                continue;
            }

            var (book, mark, dayNtl, dayBase, prevDay) = venue.Locked(() =>
            {
                var b = venue.Engine.GetBook(spec.Coin);
                var m = venue.Engine.GetMarkPrice(spec.Coin);
                var since = venue.NowMs - 86_400_000L;
                decimal ntl = 0m, bas = 0m, prev = 0m;
                foreach (var t in venue.Tape.Trades(spec.Coin))
                {
                    if (t.TimeMs >= since)
                    {
                        ntl += t.Price * t.Size;
                        bas += t.Size;
                        if (prev == 0m)
                        {
                            prev = t.Price;
                        }
                    }
                }

                return (b, m, ntl, bas, prev == 0m ? m : prev);
            });
            var top = book.Top;
            new PerpAssetContext(0m, 0m, prevDay, Num.Round(dayNtl), 0m, mark, mark,
                top.IsTwoSided ? top.Mid : null, top.IsTwoSided ? top.BidPrice : null, top.IsTwoSided ? top.AskPrice : null, dayBase).Write(w);
        }

        w.WriteEndArray();
    }

    public void WriteMids(Utf8JsonWriter w)
    {
        var mids = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var spec in LocalMarkets.All)
        {
            var mid = venue.Locked(() => venue.Engine.GetMarkPrice(spec.Coin));
            if (mid > 0m)
            {
                mids[spec.Coin.Name] = mid;
            }
        }

        new AllMids(mids).Write(w);
    }

    /// <summary>The <c>allMids</c> push frame.</summary>
    public byte[] AllMidsFrame() => JsonBytes.Channel("allMids", w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("mids");
        WriteMids(w);
        w.WriteEndObject();
    });
}
