using System.Text.Json;
using HyperMM.Hyperliquid.Info;
using HyperMM.Hyperliquid.Json;
using HyperMM.Hyperliquid.Signing;
using HyperMM.LocalExchange.Json;
using HyperMM.LocalExchange.Limits;
using HyperMM.LocalExchange.Market;
using HyperMM.LocalExchange.Ws;

namespace HyperMM.LocalExchange.Handlers;

/// <summary>WebSocket side of the venue: first messages of a subscription, <c>post</c> requests, allMids pushes.</summary>
internal sealed class WsHandler(VenueContext venue, MarketInfo market, InfoHandler info, ActionHandler actions)
{
    /// <summary>Messages sent right after a subscription is acknowledged (the book now, the fills snapshot, …).</summary>
    public IReadOnlyList<byte[]> InitialMessages(WsSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        switch (subscription.Type)
        {
            case "l2Book":
                {
                    var book = subscription.Aggregation.Apply(venue.Engine.GetBook(LocalMarkets.ByCoin(subscription.Coin!)!.Coin));
                    return [JsonBytes.Channel("l2Book", w => L2Book.Write(w, book))];
                }

            case "bbo":
                {
                    var book = venue.Engine.GetBook(LocalMarkets.ByCoin(subscription.Coin!)!.Coin);
                    return [Hyperliquid.Streaming.WsMessages.WriteBbo(Hyperliquid.Streaming.WsBbo.Of(book))];
                }

            case "allMids":
                return [market.AllMidsFrame()];
            case "userFills":
                {
                    var user = subscription.User!.Value;
                    var fills = venue.Engine.GetFills(user);
                    return
                    [
                        JsonBytes.Channel("userFills", w =>
                        {
                            w.WriteStartObject();
                            w.WriteBoolean("isSnapshot", true);
                            w.WriteString("user", user.Hex);
                            w.WriteStartArray("fills");
                            foreach (var f in fills.Reverse().Take(2000))
                            {
                                VenueModels.Fill(f).Write(w);
                            }

                            w.WriteEndArray();
                            w.WriteEndObject();
                        }),
                    ];
                }

            default:
                return [];
        }
    }

    /// <summary>Answers a <c>post</c> request: the complete <c>{"channel":"post",…}</c> frame.</summary>
    public Task<byte[]> PostAsync(long id, JsonElement request, string remoteIp, CancellationToken cancellationToken)
    {
        byte[] PostFrame(string type, Action<Utf8JsonWriter> payload) => JsonBytes.Channel("post", w =>
        {
            w.WriteStartObject();
            w.WriteNumber("id", id);
            w.WriteStartObject("response");
            w.WriteString("type", type);
            w.WritePropertyName("payload");
            payload(w);
            w.WriteEndObject();
            w.WriteEndObject();
        });

        byte[] ErrorFrame(string text) => PostFrame("error", w => w.WriteStringValue(text));

        if (request.ValueKind != JsonValueKind.Object
            || !request.TryGetProperty("type", out var typeProp) || typeProp.ValueKind != JsonValueKind.String
            || !request.TryGetProperty("payload", out var payload))
        {
            return Task.FromResult(ErrorFrame("Error parsing JSON into valid websocket request"));
        }

        switch (typeProp.GetString())
        {
            case "info":
                {
                    InfoRequest query;
                    try
                    {
                        query = InfoRequest.Parse(payload);
                    }
                    catch (FormatException)
                    {
                        return Task.FromResult(ErrorFrame("422 " + VenueTexts.BadBody));
                    }

                    if (!venue.IpLimiter.TryCharge(remoteIp, IpWeightLimiter.InfoWeight(query.Type)))
                    {
                        return Task.FromResult(ErrorFrame("429 Too Many Requests"));
                    }

                    var data = info.Payload(query);
                    if (data is null)
                    {
                        return Task.FromResult(ErrorFrame("422 " + VenueTexts.BadBody));
                    }

                    return Task.FromResult(PostFrame("info", w =>
                    {
                        w.WriteStartObject();
                        w.WriteString("type", query.Type);
                        w.WritePropertyName("data");
                        w.WriteRawValue(data, skipInputValidation: true);
                        w.WriteEndObject();
                    }));
                }

            case "action":
                {
                    ExchangeRequest action;
                    try
                    {
                        action = ExchangeRequestJson.Parse(payload);
                    }
                    catch (FormatException ex)
                    {
                        return Task.FromResult(ErrorFrame("422 " + VenueTexts.BadBody + ": " + ex.Message));
                    }

                    if (!venue.IpLimiter.TryCharge(remoteIp, IpWeightLimiter.ExchangeWeight(VenueTexts.BatchLength(action.Action))))
                    {
                        return Task.FromResult(ErrorFrame("429 Too Many Requests"));
                    }

                    var reply = actions.Execute(action);
                    return Task.FromResult(PostFrame("action", w => w.WriteRawValue(reply, skipInputValidation: true)));
                }

            default:
                return Task.FromResult(ErrorFrame("Error parsing JSON into valid websocket request"));
        }
    }

    /// <summary>Pushes allMids to its subscribers (the market feed calls this after each step).</summary>
    public void PublishMids()
    {
        var topic = WsSubscription.TopicOf("allMids", null, null);
        lock (venue.Gate)
        {
            if (venue.Hub.HasSubscribers(topic))
            {
                venue.Hub.Publish(topic, market.AllMidsFrame());
            }
        }
    }
}
