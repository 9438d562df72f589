using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace HyperMM.Simulation.Market;

/// <summary>
/// Reads captured WebSocket traffic, plain or gzip: hftbacktest's collector lines (<c>&lt;receive ns&gt; &lt;json&gt;</c>) and
/// the project's own recording (<c>{"recvMs":&lt;ms&gt;,"msg":&lt;venue message&gt;}</c> per line, see
/// <see cref="RecordingWriter"/>). Events carry the receive time and come out in file order.
/// </summary>
public static class WsCaptureReader
{
    public static List<MarketEvent> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new MarketDataException($"{path}: not found.");
        }

        var events = new List<MarketEvent>();
        using var reader = OpenText(path);
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                ParseLine(line, events);
            }
            catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException or OverflowException)
            {
                throw new MarketDataException($"{path}:{lineNo}: not a captured venue message ({ex.Message}).", ex);
            }
        }

        return events;
    }

    /// <summary>Opens a text file, transparently un-gzipping it when it starts with the gzip magic bytes.</summary>
    public static StreamReader OpenText(string path)
    {
        var stream = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        var read = stream.Read(magic);
        stream.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b
            ? new StreamReader(new GZipStream(stream, CompressionMode.Decompress))
            : new StreamReader(stream);
    }

    private static void ParseLine(string line, List<MarketEvent> events)
    {
        if (line[0] == '{')
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var received = root.GetProperty("recvMs").GetInt64();
            WsMessageParser.TryParse(root.GetProperty("msg"), received, events);
            return;
        }

        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            throw new FormatException("expected '<ns> <json>' or a JSON object");
        }

        var ns = long.Parse(line.AsSpan(0, space), NumberStyles.Integer, CultureInfo.InvariantCulture);
        using var message = JsonDocument.Parse(line.AsMemory(space + 1));
        WsMessageParser.TryParse(message.RootElement, ns / 1_000_000, events);
    }
}
