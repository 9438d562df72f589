using System.Text.Json;
using HyperMM.Hyperliquid.Info;
using HyperMM.Hyperliquid.Json;
using HyperMM.Hyperliquid.Signing;
using HyperMM.LocalExchange.Json;
using HyperMM.LocalExchange.Limits;
using HyperMM.LocalExchange.Market;
using HyperMM.LocalExchange.Ws;

namespace HyperMM.LocalExchange;

/// <summary>WebSocket side of the venue: first messages of a subscription, <c>post</c> requests, allMids pushes.</summary>
public sealed partial class LocalVenue
{
    public IReadOnlyList<byte[]> InitialMessages(WsSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        switch (subscription.Type)
        {
            case "l2Book":
                {
                    var book = subscription.Aggregation.Apply(Engine.GetBook(LocalMarkets.ByCoin(subscription.Coin!)!.Coin));
                    return [JsonBytes.Channel("l2Book", w => L2Book.Write(w, book))];
                }

            case "bbo":
                {
                    var book = Engine.GetBook(LocalMarkets.ByCoin(subscription.Coin!)!.Coin);
                    return [Hyperliquid.Streaming.WsMessages.WriteBbo(Hyperliquid.Streaming.WsBbo.Of(book))];
                }

            case "allMids":
                return [AllMidsFrame()];
            case "userFills":
                {
                    var user = subscription.User!.Value;
                    var fills = Engine.GetFills(user);
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
                    InfoRequest info;
                    try
                    {
                        info = InfoRequest.Parse(payload);
                    }
                    catch (FormatException)
                    {
                        return Task.FromResult(ErrorFrame("422 " + BadBody));
                    }

                    if (!IpLimiter.TryCharge(remoteIp, IpWeightLimiter.InfoWeight(info.Type)))
                    {
                        return Task.FromResult(ErrorFrame("429 Too Many Requests"));
                    }

                    var data = InfoPayload(info);
                    if (data is null)
                    {
                        return Task.FromResult(ErrorFrame("422 " + BadBody));
                    }

                    return Task.FromResult(PostFrame("info", w =>
                    {
                        w.WriteStartObject();
                        w.WriteString("type", info.Type);
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
                        return Task.FromResult(ErrorFrame("422 " + BadBody + ": " + ex.Message));
                    }

                    if (!IpLimiter.TryCharge(remoteIp, IpWeightLimiter.ExchangeWeight(BatchLength(action.Action))))
                    {
                        return Task.FromResult(ErrorFrame("429 Too Many Requests"));
                    }

                    var reply = Execute(action);
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
        lock (Gate)
        {
            if (Hub.HasSubscribers(topic))
            {
                Hub.Publish(topic, AllMidsFrame());
            }
        }
    }

    private byte[] AllMidsFrame() => JsonBytes.Channel("allMids", w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("mids");
        WriteMids(w);
        w.WriteEndObject();
    });
}
