using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace HyperMM.LocalExchange.Tests.Support;

/// <summary>A raw WebSocket client for asserting the server's frames one by one.</summary>
public sealed class WsProbe : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly byte[] _buffer = new byte[1 << 20];

    public WebSocketState State => _socket.State;

    public static async Task<WsProbe> ConnectAsync(Uri url)
    {
        var probe = new WsProbe();
        await probe._socket.ConnectAsync(url, CancellationToken.None);
        return probe;
    }

    public Task SendAsync(string json) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next frame as JSON; throws when none arrives within 30 s or the socket closes.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(_buffer.AsMemory(length), timeout.Token);
            length += result.Count;
        }
        while (!result.EndOfMessage);

        if (result.MessageType == WebSocketMessageType.Close)
        {
            throw new WebSocketException("closed by server");
        }

        return JsonDocument.Parse(_buffer.AsMemory(0, length)).RootElement.Clone();
    }

    /// <summary>Frames until one on <paramref name="channel"/> arrives (others skipped).</summary>
    public async Task<JsonElement> ReceiveOnAsync(string channel)
    {
        while (true)
        {
            var frame = await ReceiveAsync();
            if (frame.GetProperty("channel").GetString() == channel)
            {
                return frame;
            }
        }
    }

    /// <summary>True when the server dropped the connection (a receive fails or sees the end) within 30 s.</summary>
    public async Task<bool> WaitDroppedAsync()
    {
        try
        {
            while (true)
            {
                await ReceiveAsync();
            }
        }
        catch (WebSocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // already gone
            }
        }

        _socket.Dispose();
    }
}
