using System.Net.WebSockets;
using System.Threading.Channels;

namespace HyperMM.LocalExchange.Ws;

/// <summary>
/// One client socket: its subscriptions and a bounded outbound queue drained by one writer task. A client that
/// cannot keep up (queue full) is disconnected, as a venue does with slow consumers.
/// </summary>
public sealed class WsConnection
{
    private const int OutboundCapacity = 4096;
    private readonly Channel<ReadOnlyMemory<byte>> _outbound = Channel.CreateBounded<ReadOnlyMemory<byte>>(
        new BoundedChannelOptions(OutboundCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Dictionary<string, WsSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public WsConnection(WebSocket socket, long id)
    {
        Socket = socket;
        Id = id;
    }

    public WebSocket Socket { get; }

    public long Id { get; }

    public bool IsSubscribed(string topic)
    {
        lock (_gate)
        {
            return _subscriptions.ContainsKey(topic);
        }
    }

    /// <summary>The subscriptions held right now.</summary>
    public IReadOnlyList<WsSubscription> Subscriptions
    {
        get
        {
            lock (_gate)
            {
                return [.. _subscriptions.Values];
            }
        }
    }

    public bool Add(WsSubscription subscription)
    {
        lock (_gate)
        {
            return _subscriptions.TryAdd(subscription.Topic, subscription);
        }
    }

    public bool Remove(WsSubscription subscription)
    {
        lock (_gate)
        {
            return _subscriptions.Remove(subscription.Topic);
        }
    }

    /// <summary>Queues a text frame; false (and the socket is aborted) when the client is too slow.</summary>
    public bool Enqueue(ReadOnlyMemory<byte> utf8Json)
    {
        if (_outbound.Writer.TryWrite(utf8Json))
        {
            return true;
        }

        Abort();
        return false;
    }

    /// <summary>Closes the socket abruptly (a dropped connection, as the client sees it).</summary>
    public void Abort()
    {
        _outbound.Writer.TryComplete();
        Socket.Abort();
    }

    /// <summary>Drains the outbound queue to the socket until the connection ends.</summary>
    public async Task RunWriterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var frame in _outbound.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await Socket.SendAsync(frame, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // the connection ended; the reader loop notices too
        }
    }

    public void CompleteOutbound() => _outbound.Writer.TryComplete();
}
