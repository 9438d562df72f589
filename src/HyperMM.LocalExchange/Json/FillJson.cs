using System.Text.Json;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.LocalExchange.Json;

/// <summary>A fill as <c>userFills</c> (REST and WebSocket) prints it (PROTOCOL §1.4).</summary>
public static class FillJson
{
    public static void Write(Utf8JsonWriter w, Fill f)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(f);
        w.WriteStartObject();
        w.WriteString("coin", f.Coin.Name);
        w.WriteString("px", Num.Format(f.Price));
        w.WriteString("sz", Num.Format(f.Size));
        w.WriteString("side", OrderJson.SideCode(f.Side));
        w.WriteNumber("time", f.TimeMs);
        w.WriteString("startPosition", Num.Format(f.StartPosition));
        w.WriteString("dir", Direction(f.Side, f.StartPosition, f.Size));
        w.WriteString("closedPnl", Num.Format(f.ClosedPnl));
        w.WriteString("hash", f.Hash ?? Hash(f.TradeId));
        w.WriteNumber("oid", f.OrderId.Value);
        w.WriteBoolean("crossed", f.Crossed);
        w.WriteString("fee", Num.Format(f.Fee));
        w.WriteNumber("tid", f.TradeId);
        if (f.Cloid is { } c)
        {
            w.WriteString("cloid", c.ToString());
        }

        w.WriteString("feeToken", "USDC");
        w.WriteEndObject();
    }

    /// <summary>
    /// The venue's <c>dir</c>: "Open Long", "Close Long", "Open Short", "Close Short", or "Long &gt; Short" /
    /// "Short &gt; Long" when one fill flips the position.
    /// </summary>
    public static string Direction(Side side, decimal startPosition, decimal size)
    {
        var end = startPosition + (side == Side.Buy ? size : -size);
        if (side == Side.Buy)
        {
            return startPosition >= 0m ? "Open Long" : end > 0m ? "Short > Long" : "Close Short";
        }

        return startPosition <= 0m ? "Open Short" : end < 0m ? "Long > Short" : "Close Long";
    }

    /// <summary>A stand-in L1 transaction hash (the local venue has no chain): 0x + 64 hex from the trade id.</summary>
    public static string Hash(long tradeId) => "0x" + tradeId.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
}
