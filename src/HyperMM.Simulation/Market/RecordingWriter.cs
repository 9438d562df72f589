using System.Globalization;
using System.IO.Compression;
using System.Text;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;

namespace HyperMM.Simulation.Market;

/// <summary>
/// Writes the project's recording format: gzip, one JSON object per line, <c>{"recvMs":&lt;long&gt;,"msg":&lt;venue ws message&gt;}</c>,
/// the message byte for byte as received. <see cref="WsCaptureReader"/> reads it back. Not thread-safe.
/// </summary>
public sealed class RecordingWriter : IDisposable
{
    private readonly StreamWriter _writer;

    public RecordingWriter(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        _writer = new StreamWriter(new GZipStream(destination, CompressionLevel.Fastest), new UTF8Encoding(false)) { NewLine = "\n" };
    }

    public static RecordingWriter Create(string path) => new(File.Create(path));

    public long Lines { get; private set; }

    /// <summary>Records one raw venue message (a complete JSON text) received at <paramref name="receivedMs"/>.</summary>
    public void Write(long receivedMs, string rawMessage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rawMessage);
        _writer.Write("{\"recvMs\":");
        _writer.Write(receivedMs.ToString(CultureInfo.InvariantCulture));
        _writer.Write(",\"msg\":");
        _writer.Write(rawMessage.Trim());
        _writer.Write("}\n");
        Lines++;
    }

    /// <summary>Records a book as the venue's <c>l2Book</c> push would carry it.</summary>
    public void WriteBook(long receivedMs, OrderBookSnapshot book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var sb = new StringBuilder(2048);
        sb.Append("{\"channel\":\"l2Book\",\"data\":{\"coin\":\"").Append(book.Coin.Name).Append("\",\"time\":")
            .Append(book.TimeMs.ToString(CultureInfo.InvariantCulture)).Append(",\"levels\":[");
        AppendLevels(sb, book.Bids);
        sb.Append(',');
        AppendLevels(sb, book.Asks);
        sb.Append("]}}");
        Write(receivedMs, sb.ToString());
    }

    /// <summary>Records trades as the venue's <c>trades</c> push would carry them.</summary>
    public void WriteTrades(long receivedMs, IReadOnlyList<Trade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var sb = new StringBuilder(256);
        sb.Append("{\"channel\":\"trades\",\"data\":[");
        for (var i = 0; i < trades.Count; i++)
        {
            var t = trades[i];
            sb.Append(i == 0 ? "" : ",").Append("{\"coin\":\"").Append(t.Coin.Name).Append("\",\"side\":\"")
                .Append(t.AggressorSide == Side.Buy ? 'B' : 'A').Append("\",\"px\":\"").Append(Text(t.Price))
                .Append("\",\"sz\":\"").Append(Text(t.Size)).Append("\",\"time\":").Append(t.TimeMs.ToString(CultureInfo.InvariantCulture))
                .Append(",\"tid\":").Append(t.TradeId.ToString(CultureInfo.InvariantCulture)).Append('}');
        }

        sb.Append("]}");
        Write(receivedMs, sb.ToString());
    }

    public void Dispose() => _writer.Dispose();

    private static void AppendLevels(StringBuilder sb, IReadOnlyList<BookLevel> levels)
    {
        sb.Append('[');
        for (var i = 0; i < levels.Count; i++)
        {
            sb.Append(i == 0 ? "" : ",").Append("{\"px\":\"").Append(Text(levels[i].Price)).Append("\",\"sz\":\"")
                .Append(Text(levels[i].Size)).Append("\",\"n\":").Append(levels[i].Orders.ToString(CultureInfo.InvariantCulture)).Append('}');
        }

        sb.Append(']');
    }

    private static string Text(decimal value) => Matching.VenueErrors.Number(value);
}
