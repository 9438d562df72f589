using System.Text.Json;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Info;

/// <summary><c>allMids</c>: coin → mid (spot pairs appear as <c>@index</c> keys).</summary>
public sealed record AllMids(IReadOnlyDictionary<string, decimal> Mids)
{
    public static AllMids Parse(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new WireFormatException("response: allMids must be an object.");
        }

        var mids = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
        {
            mids[p.Name] = JsonRead.DecValue(p.Value, p.Name);
        }

        return new AllMids(mids);
    }

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        foreach (var (coin, mid) in Mids)
        {
            JsonRead.WriteDec(writer, coin, mid);
        }

        writer.WriteEndObject();
    }
}
