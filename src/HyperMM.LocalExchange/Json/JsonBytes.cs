using System.Buffers;
using System.Text.Json;

namespace HyperMM.LocalExchange.Json;

/// <summary>Writes JSON to a byte array through a <see cref="Utf8JsonWriter"/>.</summary>
public static class JsonBytes
{
    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            body(w);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary><c>{"channel":"…","data":…}</c>, the frame of every WebSocket push.</summary>
    public static byte[] Channel(string channel, Action<Utf8JsonWriter> data) => Hyperliquid.Streaming.WsMessages.Frame(channel, data);
}
