using System.Globalization;
using System.Text.Json;

namespace HyperMM.Simulation.Market;

/// <summary>
/// Reads captured WebSocket traffic, plain or gzip: hftbacktest's collector lines (<c>&lt;receive ns&gt; &lt;json&gt;</c>) and
/// the project's own recording (<c>{"recvMs":&lt;ms&gt;,"msg":&lt;venue message&gt;}</c> per line, see
/// <see cref="RecordingWriter"/>). hftbacktest lines of Binance USDⓈ-M futures streams are rebuilt by
/// <see cref="BinanceFuturesCapture"/> (a proxy market; books from the depth snapshot and diffs). Events carry the
/// receive time and come out in file order. A line that cannot be read, impossible values
/// (<see cref="MarketDataRules"/>) or a gzip file cut short raise <see cref="MarketDataException"/> naming the file,
/// the line and the reason.
/// </summary>
public static class WsCaptureReader
{
    public static List<MarketEvent> Read(string path) => Read(path, out _);

    /// <summary>Reads <paramref name="path"/>; <paramref name="proxyNote"/> says how a proxy market in it was read (null when there is none).</summary>
    public static List<MarketEvent> Read(string path, out string? proxyNote)
    {
        if (!File.Exists(path))
        {
            throw new MarketDataException($"{path}: not found.");
        }

        var events = new List<MarketEvent>();
        var binance = new BinanceFuturesCapture();
        var lineNo = 0;
        var newestMs = long.MinValue;
        try
        {
            using var reader = OpenText(path);
            while (reader.ReadLine() is { } line)
            {
                lineNo++;
                if (line.Length == 0)
                {
                    continue;
                }

                var first = events.Count;
                try
                {
                    ParseLine(line, events, binance);
                }
                catch (FormatException ex)
                {
                    throw new MarketDataException($"{path}:{lineNo}: {ex.Message}.", ex);
                }

                for (var i = first; i < events.Count; i++)
                {
                    if (MarketDataRules.CheckTime(newestMs, events[i].TimeMs) is { } late)
                    {
                        throw new MarketDataException($"{path}:{lineNo}: {late}.");
                    }

                    newestMs = Math.Max(newestMs, events[i].TimeMs);
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new MarketDataException($"{path}:{lineNo + 1}: {ex.Message} ({lineNo} lines read).", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MarketDataException($"{path}: cannot be read ({ex.Message}).", ex);
        }

        proxyNote = binance.ProxyNote;
        return events;
    }

    /// <summary>
    /// Opens a text file, un-gzipping it when it starts with the gzip magic bytes; a gzip file is checked to be whole
    /// when its end is reached (<see cref="InvalidDataException"/> otherwise).
    /// </summary>
    public static StreamReader OpenText(string path)
    {
        Span<byte> magic = stackalloc byte[2];
        int read;
        using (var probe = File.OpenRead(path))
        {
            read = probe.Read(magic);
        }

        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b
            ? new StreamReader(new VerifiedGzipStream(path))
            : new StreamReader(File.OpenRead(path));
    }

    private static void ParseLine(string line, List<MarketEvent> events, BinanceFuturesCapture binance)
    {
        if (line[0] == '{')
        {
            using var doc = Json(line);
            var root = doc.RootElement;
            var received = WsMessageParser.WholeNumber(WsMessageParser.Property(root, "recvMs", "the line"), "recvMs");
            WsMessageParser.TryParse(WsMessageParser.Property(root, "msg", "the line"), received, events);
            return;
        }

        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !long.TryParse(line.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var ns))
        {
            throw new FormatException("neither '<receive ns> <json>' nor a {\"recvMs\":...,\"msg\":...} object");
        }

        using var message = Json(line[(space + 1)..]);
        if (BinanceFuturesCapture.Recognises(message.RootElement))
        {
            binance.Add(message.RootElement, ns / 1_000_000, events);
            return;
        }

        WsMessageParser.TryParse(message.RootElement, ns / 1_000_000, events);
    }

    private static JsonDocument Json(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new FormatException(FormattableString.Invariant($"not valid JSON (at character {(ex.BytePositionInLine ?? 0) + 1})"), ex);
        }
    }
}
