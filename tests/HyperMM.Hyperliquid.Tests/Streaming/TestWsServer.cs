using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HyperMM.Hyperliquid.Tests.Streaming;

/// <summary>
/// A real Kestrel WebSocket server on a free local port. It records every text frame received (per connection),
/// answers ping with pong and subscribe with an ack (unless told not to), and lets the test push frames to the
/// current connection or drop it.
/// </summary>
internal sealed class TestWsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<int, Channel<byte[]>> _outbound = new();
    private readonly ConcurrentDictionary<int, CancellationTokenSource> _drops = new();
    private int _connections;

    private TestWsServer(WebApplication app) => _app = app;

    public Uri Uri { get; private set; } = null!;

    public ConcurrentQueue<(int Connection, string Text)> Received { get; } = new();

    public int Connections => Volatile.Read(ref _connections);

    public bool AnswerPings { get; set; } = true;

    /// <summary>Answers POST /info and /exchange: (path, body) → (status, body). 404 when unset.</summary>
    public Func<string, string, (int Status, string Body)>? OnHttp { get; set; }

    /// <summary>Called for each received frame; may return frames to send back.</summary>
    public Func<int, string, IEnumerable<byte[]>>? OnFrame { get; set; }

    public static async Task<TestWsServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new TestWsServer(app);
        app.UseWebSockets();
        app.Map("/ws", server.HandleAsync);
        app.MapPost("/{endpoint}", server.HandleHttpAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Uri = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/ws");
        return server;
    }

    public void Send(int connection, byte[] frame) => _outbound[connection].Writer.TryWrite(frame);

    public void Send(int connection, string frame) => Send(connection, Encoding.UTF8.GetBytes(frame));

    /// <summary>Aborts the server side of a connection without a close handshake.</summary>
    public void Drop(int connection)
    {
        try
        {
            if (_drops.TryGetValue(connection, out var cts))
            {
                cts.Cancel();
            }
        }
        catch (ObjectDisposedException)
        {
            // the connection already ended
        }
    }

    public IReadOnlyList<string> ReceivedOn(int connection) => [.. Received.Where(r => r.Connection == connection).Select(r => r.Text)];

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _drops.Keys)
        {
            Drop(id);
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleHttpAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var (status, answer) = OnHttp?.Invoke(context.Request.Path.Value!, body) ?? (404, string.Empty);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer);
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var id = Interlocked.Increment(ref _connections);
        var outbound = Channel.CreateUnbounded<byte[]>();
        var drop = new CancellationTokenSource();
        _outbound[id] = outbound;
        _drops[id] = drop;
        var writer = Task.Run(async () =>
        {
            await foreach (var frame in outbound.Reader.ReadAllAsync(drop.Token))
            {
                await socket.SendAsync(frame, WebSocketMessageType.Text, true, drop.Token);
            }
        });
        var buffer = new byte[64 * 1024];
        try
        {
            while (!drop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, drop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
                Received.Enqueue((id, text));
                if (text.Contains("\"method\":\"ping\"", StringComparison.Ordinal))
                {
                    if (AnswerPings)
                    {
                        outbound.Writer.TryWrite("""{"channel":"pong"}"""u8.ToArray());
                    }

                    continue;
                }

                if (text.Contains("\"method\":\"subscribe\"", StringComparison.Ordinal))
                {
                    var subscription = text[(text.IndexOf("\"subscription\":", StringComparison.Ordinal) + 15)..^1];
                    outbound.Writer.TryWrite(Encoding.UTF8.GetBytes("{\"channel\":\"subscriptionResponse\",\"data\":{\"method\":\"subscribe\",\"subscription\":" + subscription + "}}"));
                }

                foreach (var reply in OnFrame?.Invoke(id, text) ?? [])
                {
                    outbound.Writer.TryWrite(reply);
                }
            }
        }
        catch (OperationCanceledException)
        {
            socket.Abort();
        }
        catch (WebSocketException)
        {
        }

        outbound.Writer.TryComplete();
        try
        {
            await writer;
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
        }

        _drops.TryRemove(id, out _);
        drop.Dispose();
    }
}
