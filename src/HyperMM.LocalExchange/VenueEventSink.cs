using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Info;
using HyperMM.LocalExchange.Json;
using HyperMM.LocalExchange.Market;
using HyperMM.LocalExchange.Ws;
using HyperMM.Simulation.Matching;

namespace HyperMM.LocalExchange;

/// <summary>
/// Turns the matching engine's events into the venue's WebSocket pushes (PROTOCOL §6.2). Runs inside the venue's
/// lock, so pushes keep the order things happened in; a frame is only serialised when someone listens.
/// </summary>
public sealed class VenueEventSink(WsHub hub, TradeTape tape, Faults.FaultSwitches? faults = null) : IMatchingEventSink
{
    public void OnFill(Address account, Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var fillsTopic = WsSubscription.TopicOf("userFills", null, account);
        if (hub.HasSubscribers(fillsTopic))
        {
            hub.Publish(fillsTopic, JsonBytes.Channel("userFills", w =>
            {
                w.WriteStartObject();
                w.WriteString("user", account.Hex);
                w.WriteStartArray("fills");
                VenueModels.Fill(fill).Write(w);
                w.WriteEndArray();
                w.WriteEndObject();
            }));
        }

        var eventsTopic = WsSubscription.TopicOf("userEvents", null, account);
        if (hub.HasSubscribers(eventsTopic))
        {
            hub.Publish(eventsTopic, JsonBytes.Channel("user", w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("fills");
                VenueModels.Fill(fill).Write(w);
                w.WriteEndArray();
                w.WriteEndObject();
            }));
        }
    }

    public void OnOrderUpdate(Address account, OrderUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var topic = WsSubscription.TopicOf("orderUpdates", null, account);
        if (hub.HasSubscribers(topic))
        {
            hub.Publish(topic, JsonBytes.Channel("orderUpdates", w =>
            {
                w.WriteStartArray();
                OrderJson.WriteUpdate(w, update);
                w.WriteEndArray();
            }));
        }

        if (update.State != OrderState.Open && update.State != OrderState.Filled && update.Status != "canceled")
        {
            var eventsTopic = WsSubscription.TopicOf("userEvents", null, account);
            if (hub.HasSubscribers(eventsTopic))
            {
                hub.Publish(eventsTopic, JsonBytes.Channel("user", w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("nonUserCancel");
                    w.WriteStartObject();
                    w.WriteString("coin", update.Order.Coin.Name);
                    w.WriteNumber("oid", update.Order.OrderId.Value);
                    w.WriteEndObject();
                    w.WriteEndArray();
                    w.WriteEndObject();
                }));
            }
        }
    }

    public void OnTrade(Trade trade)
    {
        tape.Add(trade);
        var topic = WsSubscription.TopicOf("trades", trade.Coin.Name, null);
        if (hub.HasSubscribers(topic))
        {
            hub.Publish(topic, Hyperliquid.Streaming.WsMessages.WriteTrades([new Hyperliquid.Streaming.WsTrade(trade, VenueModels.TxHash(trade.TradeId), [Address.Zero.Hex, Address.Zero.Hex])]));
        }
    }

    public void OnBook(OrderBookSnapshot book)
    {
        ArgumentNullException.ThrowIfNull(book);
        tape.SetBook(book);
        if (faults?.FeedPaused == true)
        {
            return; // a stalled market-data feed: no book pushes at all, even when our own orders change the book
        }

        foreach (var aggregation in L2Aggregation.All)
        {
            var topic = WsSubscription.BookTopic(book.Coin.Name, aggregation);
            if (hub.HasSubscribers(topic))
            {
                hub.Publish(topic, JsonBytes.Channel("l2Book", w => L2Book.Write(w, aggregation.Apply(book))));
            }
        }

        var bboTopic = WsSubscription.TopicOf("bbo", book.Coin.Name, null);
        if (hub.HasSubscribers(bboTopic) && tape.BboChanged(book))
        {
            hub.Publish(bboTopic, Hyperliquid.Streaming.WsMessages.WriteBbo(Hyperliquid.Streaming.WsBbo.Of(book)));
        }
    }
}
