using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace HyperMM.LocalExchange.Ws;

/// <summary>
/// The <c>/ws</c> endpoint (PROTOCOL §6): subscribe / unsubscribe, ping → pong, post, and fan-out of pushes to the
/// connections subscribed to a topic. One reader loop and one writer task per connection. The per-IP limits of
/// PROTOCOL §7.1 are enforced (<see cref="WsLimits"/>); anything odd a client sends is answered on the
/// <c>error</c> channel and the connection stays open.
/// </summary>
public sealed partial class WsHub(IReadOnlySet<string> coins, ILogger logger, WsLimits? limits = null, TimeProvider? time = null)
{
    private const int MaxMessageBytes = 1 << 20;
    private const string BadRequest = "Error parsing JSON into valid websocket request: ";
    private static readonly byte[] Pong = Encoding.UTF8.GetBytes("{\"channel\":\"pong\"}");
    private readonly WsIpLimiter _limiter = new(limits ?? WsLimits.Venue, time ?? TimeProvider.System);
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

    /// <summary>Admits a new connection from <paramref name="remoteIp"/>, or the reason it is refused (HTTP 429).</summary>
    public string? Admit(string remoteIp) => _limiter.Admit(remoteIp);

    /// <summary>An admitted connection that never ran ended (<see cref="RunAsync"/> releases the ones it runs).</summary>
    public void Release(string remoteIp) => _limiter.Release(remoteIp);

    /// <summary>Runs an admitted connection until it ends, then releases its admission and subscriptions.</summary>
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
            foreach (var subscription in connection.Subscriptions)
            {
                _limiter.Unsubscribe(remoteIp, subscription);
            }

            _limiter.Release(remoteIp);
            _connections.TryRemove(connection.Id, out _);

            connection.CompleteOutbound();
            ArrayPool<byte>.Shared.Return(buffer);
            await writer.ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(WsConnection connection, ReadOnlyMemory<byte> message, string remoteIp, CancellationToken cancellationToken)
    {
        if (_limiter.Message(remoteIp) is { } tooMany)
        {
            connection.Enqueue(Error(tooMany));
            return;
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(message);
        }
        catch (JsonException)
        {
            connection.Enqueue(Error(BadRequest + Encoding.UTF8.GetString(message.Span)));
            return;
        }

        using (doc)
        {
            var root = doc.RootElement;
            try
            {
                await DispatchAsync(connection, root, remoteIp, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not WebSocketException and not ObjectDisposedException)
            {
                // a message that breaks something unexpected gets an error frame; the connection stays usable
                LogUnexpected(logger, connection.Id, ex);
                connection.Enqueue(Error("Internal error processing websocket request: " + root.GetRawText()));
            }
        }
    }

    private async Task DispatchAsync(WsConnection connection, JsonElement root, string remoteIp, CancellationToken cancellationToken)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("method", out var methodProp) || methodProp.ValueKind != JsonValueKind.String)
        {
            connection.Enqueue(Error(BadRequest + root.GetRawText()));
            return;
        }

        switch (methodProp.GetString())
        {
            case "ping":
                connection.Enqueue(Pong);
                break;
            case "subscribe":
            case "unsubscribe":
                Subscribe(connection, root, methodProp.GetString()!, remoteIp);
                break;
            case "post":
                await PostAsync(connection, root, remoteIp, cancellationToken).ConfigureAwait(false);
                break;
            default:
                connection.Enqueue(Error(BadRequest + root.GetRawText()));
                break;
        }
    }

    private void Subscribe(WsConnection connection, JsonElement root, string method, string remoteIp)
    {
        if (!root.TryGetProperty("subscription", out var subProp))
        {
            connection.Enqueue(Error(BadRequest + root.GetRawText()));
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
                if (connection.IsSubscribed(subscription.Topic))
                {
                    connection.Enqueue(Error("Already subscribed: " + subscription.RawJson));
                    return;
                }

                if (_limiter.Subscribe(remoteIp, subscription) is { } refused)
                {
                    connection.Enqueue(Error(refused));
                    return;
                }

                connection.Add(subscription);

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

            _limiter.Unsubscribe(remoteIp, subscription);

            connection.Enqueue(SubscriptionResponse(method, subscription.RawJson));
        }
    }

    private async Task PostAsync(WsConnection connection, JsonElement root, string remoteIp, CancellationToken cancellationToken)
    {
        if (!root.TryGetProperty("id", out var idProp) || idProp.ValueKind != JsonValueKind.Number || !idProp.TryGetInt64(out var id)
            || !root.TryGetProperty("request", out var request) || Backend is null)
        {
            connection.Enqueue(Error(BadRequest + root.GetRawText()));
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

    [LoggerMessage(Level = LogLevel.Error, Message = "WebSocket connection {Id}: unexpected failure handling a message; answered with an error frame.")]
    private static partial void LogUnexpected(ILogger logger, long id, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "WebSocket connection {Id} ended ({Reason}).")]
    private static partial void LogConnectionEnded(ILogger logger, long id, string reason);
}
