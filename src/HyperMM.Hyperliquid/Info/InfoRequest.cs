using System.Text.Json;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Info;

/// <summary>
/// An /info request body as a server (the local exchange) reads it: <c>type</c> plus whichever of <c>user</c>,
/// <c>coin</c>, <c>oid</c> (number or cloid string), <c>startTime</c>/<c>endTime</c>, <c>aggregateByTime</c>,
/// <c>nSigFigs</c>/<c>mantissa</c> (<see cref="L2Aggregation"/>) and the candle <c>req</c> object the type uses.
/// Unknown fields (e.g. <c>dex</c>) are ignored, as the venue does for optional ones; an empty <c>coin</c> counts
/// as absent (a type that needs a coin then refuses the request).
/// </summary>
public sealed record InfoRequest(
    string Type,
    Address? User = null,
    Coin? Coin = null,
    OrderId? Oid = null,
    Cloid? Cloid = null,
    long? StartTime = null,
    long? EndTime = null,
    string? Interval = null,
    bool AggregateByTime = false,
    L2Aggregation Aggregation = default)
{
    public static InfoRequest Parse(ReadOnlySpan<byte> utf8) => JsonRead.Document(utf8, Parse);

    /// <exception cref="WireFormatException">Missing type, or a field of the wrong shape.</exception>
    public static InfoRequest Parse(JsonElement e)
    {
        var type = JsonRead.Str(e, "type");
        var source = type == "candleSnapshot" && JsonRead.Has(e, "req") ? JsonRead.Get(e, "req") : e;
        OrderId? oid = null;
        Cloid? cloid = null;
        if (JsonRead.Has(e, "oid"))
        {
            var value = JsonRead.Get(e, "oid");
            if (value.ValueKind == JsonValueKind.Number)
            {
                oid = new OrderId(JsonRead.I64(e, "oid"));
            }
            else
            {
                cloid = JsonRead.OptCloid(e, "oid");
            }
        }

        var user = JsonRead.OptStr(e, "user");
        Address? address = null;
        if (user is not null)
        {
            address = Address.TryParse(user, out var parsed) ? parsed : throw new WireFormatException($"request: 'user' is not an address: '{user}'.");
        }

        return new InfoRequest(
            type,
            address,
            JsonRead.OptStr(source, "coin") is { } coin && !string.IsNullOrWhiteSpace(coin) ? new Coin(coin) : null,
            oid,
            cloid,
            JsonRead.OptLong(source, "startTime"),
            JsonRead.OptLong(source, "endTime"),
            JsonRead.OptStr(source, "interval"),
            JsonRead.OptBool(e, "aggregateByTime"),
            type == "l2Book" ? L2Aggregation.Parse(e) : L2Aggregation.Full);
    }
}
