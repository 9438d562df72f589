using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Threading.Channels;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Exchange;
using HyperMM.Hyperliquid.Info;
using HyperMM.Hyperliquid.Json;
using HyperMM.Hyperliquid.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HyperMM.Hyperliquid.Streaming;

/// <summary>
/// One Hyperliquid WebSocket with automatic reconnect (exponential backoff) and resubscription, a ping every
/// <see cref="WebSocketClientOptions.PingInterval"/>, explicit <see cref="WsStreamInterrupted"/> /
/// <see cref="WsStreamRestored"/> messages, and one reader task per socket feeding a bounded channel. Malformed and
/// unknown frames are counted and logged, never fatal. <c>userFills</c> are de-duplicated by <c>tid</c>.
/// Also an <see cref="IActionPoster"/>: signed actions can be sent with <c>post</c>; it answers null (not sent) when
/// the socket is down so the caller falls back to HTTP.
/// </summary>
public sealed class HyperliquidWebSocketClient : IActionPoster, IAsyncDisposable
{
    private readonly Uri _uri;
    private readonly TimeProvider _time;
    private readonly WebSocketClientOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<WsMessage> _channel;
    private readonly ConcurrentDictionary<WsSubscription, byte> _subscriptions = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<WsPostResponse>> _pendingPosts = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _firstConnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ClientWebSocket? _socket;
    private Task? _run;
    private long _nextPostId;
    private long _lastReceivedTicks;
    private long _malformed;
    private long _unknown;
    private int _reconnects;

    public HyperliquidWebSocketClient(Uri uri, TimeProvider timeProvider, WebSocketClientOptions? options = null, ILogger? logger = null)
    {
        _uri = uri ?? throw new ArgumentNullException(nameof(uri));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _options = options ?? new WebSocketClientOptions();
        _logger = logger ?? NullLogger.Instance;
        _channel = Channel.CreateBounded<WsMessage>(new BoundedChannelOptions(_options.ChannelCapacity)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public ChannelReader<WsMessage> Messages => _channel.Reader;

    public bool IsConnected => _socket?.State == WebSocketState.Open;

    /// <summary>Frames that could not be parsed.</summary>
    public long MalformedCount => Interlocked.Read(ref _malformed);

    /// <summary>Well-formed frames on channels this client does not model.</summary>
    public long UnknownCount => Interlocked.Read(ref _unknown);

    public int ReconnectCount => Volatile.Read(ref _reconnects);

    public IReadOnlyCollection<WsSubscription> Subscriptions => [.. _subscriptions.Keys];

    /// <summary>Starts the connection loop and waits for the first successful connection.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        _run ??= Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        await _firstConnect.Task.WaitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Adds a subscription (kept across reconnects) and sends it now when connected.</summary>
    public async Task SubscribeAsync(WsSubscription subscription, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (_subscriptions.TryAdd(subscription, 0) && _socket is { State: WebSocketState.Open } socket)
        {
            await SendAsync(socket, subscription.ToRequest(), ct).ConfigureAwait(false);
        }
    }

    public async Task UnsubscribeAsync(WsSubscription subscription, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (_subscriptions.TryRemove(subscription, out _) && _socket is { State: WebSocketState.Open } socket)
        {
            await SendAsync(socket, subscription.ToRequest("unsubscribe"), ct).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<ActionOutcome?> TryPostAsync(ExchangeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var socket = _socket;
        if (socket is not { State: WebSocketState.Open })
        {
            return null;
        }

        var id = Interlocked.Increment(ref _nextPostId);
        var pending = new TaskCompletionSource<WsPostResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pendingPosts[id] = pending;
        try
        {
            try
            {
                await SendAsync(socket, WsMessages.WritePostActionRequest(id, ExchangeRequestJson.WriteUtf8(request)), cancellationToken).ConfigureAwait(false);
            }
            catch (WebSocketException)
            {
                return null; // not sent: the caller may use HTTP
            }

            WsPostResponse response;
            try
            {
                response = await pending.Task.WaitAsync(_options.PostTimeout, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return ActionOutcome.Refused(RejectReason.Timeout, $"no answer to WebSocket post {id} within {_options.PostTimeout.TotalSeconds:0} s: outcome unknown");
            }
            catch (WebSocketException ex)
            {
                return ActionOutcome.Refused(RejectReason.Transport, $"socket lost while waiting for post {id}: outcome unknown ({ex.Message})");
            }

            if (response.Type == "action")
            {
                return ExchangeOutcomes.FromBody(System.Text.Encoding.UTF8.GetBytes(response.PayloadJson));
            }

            var text = response.PayloadJson;
            var reason = text.Contains("429", StringComparison.Ordinal) || text.Contains("too many", StringComparison.OrdinalIgnoreCase)
                ? RejectReason.HttpRateLimited
                : RejectReason.Transport;
            return ActionOutcome.Refused(reason, "WebSocket post error: " + text);
        }
        finally
        {
            _pendingPosts.TryRemove(id, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket?.Abort();
        if (_run is not null)
        {
            try
            {
                await _run.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        _channel.Writer.TryComplete();
        _firstConnect.TrySetCanceled();
        _stop.Dispose();
        _sendLock.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var failedAttempts = 0;
        var everConnected = false;
        while (!stop.IsCancellationRequested)
        {
            using var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero; // application-level ping below
            try
            {
                using var connectCts = CancellationTokenSource.CreateLinkedTokenSource(stop);
                connectCts.CancelAfter(_options.ConnectTimeout);
                await socket.ConnectAsync(_uri, connectCts.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or HttpRequestException && !stop.IsCancellationRequested)
            {
                failedAttempts++;
                _logger.LogWarning("WebSocket connect to {Uri} failed (attempt {Attempt}): {Error}", _uri, failedAttempts, ex.Message);
                await DelayAsync(ReconnectDelay(failedAttempts), stop).ConfigureAwait(false);
                continue;
            }
            catch (OperationCanceledException)
            {
                break;
            }

            failedAttempts = 0;
            Interlocked.Exchange(ref _lastReceivedTicks, _time.GetTimestamp());
            _socket = socket;
            string reason;
            try
            {
                foreach (var subscription in _subscriptions.Keys)
                {
                    await SendAsync(socket, subscription.ToRequest(), stop).ConfigureAwait(false);
                }

                if (everConnected)
                {
                    var count = Interlocked.Increment(ref _reconnects);
                    _logger.LogInformation("WebSocket {Uri} restored (reconnect {Count}), {Subscriptions} subscriptions resent", _uri, count, _subscriptions.Count);
                    await _channel.Writer.WriteAsync(new WsStreamRestored(NowMs(), count), stop).ConfigureAwait(false);
                }

                everConnected = true;
                _firstConnect.TrySetResult();
                reason = await ReadUntilClosedAsync(socket, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (WebSocketException ex)
            {
                reason = "socket error: " + ex.Message;
            }
            finally
            {
                _socket = null;
                FailPendingPosts();
            }

            _logger.LogWarning("WebSocket {Uri} interrupted: {Reason}", _uri, reason);
            await _channel.Writer.WriteAsync(new WsStreamInterrupted(reason, NowMs()), stop).ConfigureAwait(false);
            await DelayAsync(ReconnectDelay(1), stop).ConfigureAwait(false);
        }
    }

    /// <summary>The reader task of one socket, with its ping loop beside it. Returns why the socket ended.</summary>
    private async Task<string> ReadUntilClosedAsync(ClientWebSocket socket, CancellationToken stop)
    {
        using var socketCts = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var deadReason = new StrongBox<string?>(null);
        var ping = PingLoopAsync(socket, deadReason, socketCts.Token);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.GetMemory(16 * 1024), socketCts.Token).ConfigureAwait(false);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return $"server closed the connection ({socket.CloseStatus} {socket.CloseStatusDescription})";
                }

                Interlocked.Exchange(ref _lastReceivedTicks, _time.GetTimestamp());
                await HandleFrameAsync(buffer.WrittenSpan.ToArray(), stop).ConfigureAwait(false);
            }
        }
        catch (WebSocketException ex)
        {
            return deadReason.Value ?? "socket error: " + ex.Message;
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return deadReason.Value ?? "socket cancelled";
        }
        finally
        {
            await socketCts.CancelAsync().ConfigureAwait(false);
            try
            {
                await ping.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task PingLoopAsync(ClientWebSocket socket, StrongBox<string?> deadReason, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(_options.PingInterval, _time, ct).ConfigureAwait(false);
            var sentAt = _time.GetTimestamp();
            try
            {
                await SendAsync(socket, WsMessages.Ping, ct).ConfigureAwait(false);
            }
            catch (WebSocketException)
            {
                return;
            }

            await Task.Delay(_options.PongTimeout, _time, ct).ConfigureAwait(false);
            if (Interlocked.Read(ref _lastReceivedTicks) < sentAt)
            {
                deadReason.Value = $"no pong within {_options.PongTimeout.TotalSeconds:0} s";
                socket.Abort();
                return;
            }
        }
    }

    private async Task HandleFrameAsync(byte[] frame, CancellationToken stop)
    {
        if (frame.AsSpan().SequenceEqual(System.Text.Encoding.UTF8.GetBytes(WsMessages.Greeting)))
        {
            return;
        }

        WsMessage? message;
        try
        {
            message = WsMessages.Parse(frame);
        }
        catch (WireFormatException ex)
        {
            var count = Interlocked.Increment(ref _malformed);
            _logger.LogWarning("Malformed WebSocket frame #{Count} ignored: {Error}", count, ex.Message);
            return;
        }

        switch (message)
        {
            case null:
                var unknown = Interlocked.Increment(ref _unknown);
                _logger.LogDebug("Frame on an unknown channel ignored (#{Count})", unknown);
                return;
            case WsPong:
                return;
            case WsPostResponse post:
                if (_pendingPosts.TryGetValue(post.Id, out var pending))
                {
                    pending.TrySetResult(post);
                }

                return;
            case WsError error when TryPostId(error.Text) is { } failedId && _pendingPosts.TryGetValue(failedId, out var failed):
                failed.TrySetResult(new WsPostResponse(failedId, "error", System.Text.Json.JsonSerializer.Serialize(error.Text)));
                return;
        }

        await _channel.Writer.WriteAsync(message, stop).ConfigureAwait(false);
    }

    /// <summary>Post errors end with " id=&lt;n&gt;" (e.g. "too many pending post requests id=1234").</summary>
    private static long? TryPostId(string text)
    {
        var at = text.LastIndexOf(" id=", StringComparison.Ordinal);
        return at >= 0 && long.TryParse(text.AsSpan(at + 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    private void FailPendingPosts()
    {
        foreach (var (_, pending) in _pendingPosts)
        {
            pending.TrySetException(new WebSocketException("The socket closed before the answer arrived."));
        }
    }

    private async Task SendAsync(ClientWebSocket socket, ReadOnlyMemory<byte> payload, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(payload, WebSocketMessageType.Text, true, ct).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private TimeSpan ReconnectDelay(int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Min(20, Math.Max(0, failedAttempts - 1)));
        return TimeSpan.FromTicks((long)Math.Min(_options.MinReconnectDelay.Ticks * factor, _options.MaxReconnectDelay.Ticks));
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, _time, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private sealed class StrongBox<T>(T value)
    {
        public T Value { get; set; } = value;
    }
}
