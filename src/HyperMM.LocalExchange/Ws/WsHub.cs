using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace HyperMM.LocalExchange.Ws;

/// <summary>
/// The <c>/ws</c> endpoint (PROTOCOL §6): subscribe / unsubscribe, ping → pong, post, and fan-out of pushes to the
/// connections subscribed to a topic. One reader loop and one writer task per connection.
/// </summary>
public sealed partial class WsHub(IReadOnlySet<string> coins, ILogger logger)
{
    private const int MaxMessageBytes = 1 << 20;
    private static readonly byte[] Pong = Encoding.UTF8.GetBytes("{\"channel\":\"pong\"}");
    private readonly ConcurrentDictionary<long, WsConnection> _connections = new();
    private long _nextId;
    private long _dropped;

    public IWsBackend? Backend { get; set; }

    public int ConnectionCount => _connections.Count;

    /// <summary>Connections closed by fault injection so far.</summary>
    public long DroppedConnections => Interlocked.Read(ref _dropped);

    /// <summary>Sends <paramref name="utf8Json"/> to every connection subscribed to <paramref name="topic"/>.</summary>
    public void Publish(string topic, ReadOnlyMemory<byte> utf8Json)
    {
        foreach (var c in _connections.Values)
        {
            if (c.IsSubscribed(topic))
            {
                c.Enqueue(utf8Json);
            }
        }
    }

    /// <summary>True when at least one connection listens to <paramref name="topic"/> (saves serialising for nobody).</summary>
    public bool HasSubscribers(string topic)
    {
        foreach (var c in _connections.Values)
        {
            if (c.IsSubscribed(topic))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Aborts every connection (fault injection: the client sees the stream drop).</summary>
    public int DropAll()
    {
        var n = 0;
        foreach (var c in _connections.Values)
        {
            c.Abort();
            n++;
        }

        Interlocked.Add(ref _dropped, n);
        return n;
    }

    public async Task RunAsync(WebSocket socket, string remoteIp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var connection = new WsConnection(socket, Interlocked.Increment(ref _nextId));
        _connections[connection.Id] = connection;
        var writer = connection.RunWriterAsync(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(MaxMessageBytes);
        try
        {
            while (socket.State == WebSocketState.Open && !cancellationToken.IsCancellationRequested)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "message too big", cancellationToken).ConfigureAwait(false);
                        return;
                    }

                    result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
                    return;
                }

                await HandleAsync(connection, buffer.AsMemory(0, length), remoteIp, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            LogConnectionEnded(logger, connection.Id, ex.GetType().Name);
        }
        finally
        {
            _connections.TryRemove(connection.Id, out _);
            connection.CompleteOutbound();
            ArrayPool<byte>.Shared.Return(buffer);
            await writer.ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(WsConnection connection, ReadOnlyMemory<byte> message, string remoteIp, CancellationToken cancellationToken)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(message);
        }
        catch (JsonException)
        {
            connection.Enqueue(Error("Error parsing JSON into valid websocket request: " + Encoding.UTF8.GetString(message.Span)));
            return;
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("method", out var methodProp) || methodProp.ValueKind != JsonValueKind.String)
            {
                connection.Enqueue(Error("Error parsing JSON into valid websocket request: " + root.GetRawText()));
                return;
            }

            switch (methodProp.GetString())
            {
                case "ping":
                    connection.Enqueue(Pong);
                    break;
                case "subscribe":
                case "unsubscribe":
                    Subscribe(connection, root, methodProp.GetString()!);
                    break;
                case "post":
                    await PostAsync(connection, root, remoteIp, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    connection.Enqueue(Error("Error parsing JSON into valid websocket request: " + root.GetRawText()));
                    break;
            }
        }
    }

    private void Subscribe(WsConnection connection, JsonElement root, string method)
    {
        if (!root.TryGetProperty("subscription", out var subProp))
        {
            connection.Enqueue(Error("Error parsing JSON into valid websocket request: " + root.GetRawText()));
            return;
        }

        var subscription = WsSubscription.TryParse(subProp, coins, out var error);
        if (subscription is null)
        {
            connection.Enqueue(Error(error!));
            return;
        }

        if (method == "subscribe")
        {
            var backend = Backend ?? throw new InvalidOperationException("The hub has no backend.");
            lock (backend.Gate)
            {
                if (!connection.Add(subscription))
                {
                    connection.Enqueue(Error("Already subscribed: " + subscription.RawJson));
                    return;
                }

                connection.Enqueue(SubscriptionResponse(method, subscription.RawJson));
                foreach (var m in backend.InitialMessages(subscription))
                {
                    connection.Enqueue(m);
                }
            }
        }
        else
        {
            if (!connection.Remove(subscription))
            {
                connection.Enqueue(Error("Already unsubscribed: " + subscription.RawJson));
                return;
            }

            connection.Enqueue(SubscriptionResponse(method, subscription.RawJson));
        }
    }

    private async Task PostAsync(WsConnection connection, JsonElement root, string remoteIp, CancellationToken cancellationToken)
    {
        if (!root.TryGetProperty("id", out var idProp) || !idProp.TryGetInt64(out var id) || !root.TryGetProperty("request", out var request) || Backend is null)
        {
            connection.Enqueue(Error("Error parsing JSON into valid websocket request: " + root.GetRawText()));
            return;
        }

        var reply = await Backend.PostAsync(id, request, remoteIp, cancellationToken).ConfigureAwait(false);
        connection.Enqueue(reply);
    }

    private static byte[] SubscriptionResponse(string method, string rawSubscription) =>
        Encoding.UTF8.GetBytes("{\"channel\":\"subscriptionResponse\",\"data\":{\"method\":\"" + method + "\",\"subscription\":" + rawSubscription + "}}");

    private static byte[] Error(string text)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("channel", "error");
            w.WriteString("data", text);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "WebSocket connection {Id} ended ({Reason}).")]
    private static partial void LogConnectionEnded(ILogger logger, long id, string reason);
}
