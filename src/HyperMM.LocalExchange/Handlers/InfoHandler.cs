using System.Text.Json;
using HyperMM.Hyperliquid.Info;
using HyperMM.LocalExchange.Http;
using HyperMM.LocalExchange.Json;
using HyperMM.LocalExchange.Limits;
using static HyperMM.LocalExchange.Handlers.VenueTexts;

namespace HyperMM.LocalExchange.Handlers;

/// <summary>
/// POST /info (PROTOCOL §1.4): parses the request, charges its IP weight and routes it to the market data, the
/// candles or the user queries, in the venue's JSON shapes.
/// </summary>
internal sealed class InfoHandler(VenueContext venue, MarketInfo market, UserInfo users)
{
    private readonly CandleQuery _candles = new(venue);

    public VenueReply Info(ReadOnlySpan<byte> body, string remoteIp)
    {
        InfoRequest request;
        try
        {
            request = InfoRequest.Parse(body);
        }
        catch (FormatException)
        {
            return VenueReply.Text(422, BadBody);
        }

        if (!venue.IpLimiter.TryCharge(remoteIp, IpWeightLimiter.InfoWeight(request.Type)))
        {
            return TooManyRequests();
        }

        var reply = Payload(request);
        if (reply is null)
        {
            return VenueReply.Text(422, BadBody);
        }

        if (IpWeightLimiter.InfoItemWeight(request.Type, int.MaxValue) > 0)
        {
            // userFills, userFillsByTime, candleSnapshot: one more unit per 20 (candles: 60) items returned
            using var doc = JsonDocument.Parse(reply);
            venue.IpLimiter.ChargeAfter(remoteIp, IpWeightLimiter.InfoItemWeight(request.Type, doc.RootElement.GetArrayLength()));
        }

        return VenueReply.Json(reply);
    }

    /// <summary>The JSON of an /info answer, or null when the request does not deserialize (HTTP 422).</summary>
    public byte[]? Payload(InfoRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (request.Type)
        {
            case "meta":
                return JsonBytes.Write(MarketInfo.WriteMeta);
            case "metaAndAssetCtxs":
                return JsonBytes.Write(w =>
                {
                    w.WriteStartArray();
                    MarketInfo.WriteMeta(w);
                    market.WriteAssetContexts(w);
                    w.WriteEndArray();
                });
            case "l2Book":
                return MarketInfo.Listed(request.Coin) is { } coin ? JsonBytes.Write(w => L2Book.Write(w, request.Aggregation.Apply(market.Book(coin)))) : null;
            case "spotMeta":
                // no spot markets here: the venue's shape with an empty universe, so spot-aware clients start
                return JsonBytes.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("universe");
                    w.WriteEndArray();
                    w.WriteStartArray("tokens");
                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            case "allMids":
                return JsonBytes.Write(market.WriteMids);
            case "exchangeStatus":
                return JsonBytes.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("time", venue.NowMs);
                    w.WriteNull("specialStatuses");
                    w.WriteEndObject();
                });
            case "candleSnapshot":
                return _candles.Answer(request);
            default:
                return request.User is { } user ? users.Answer(request, user) : null;
        }
    }
}
