using System.Text.Json;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Info;

/// <summary><c>userRateLimit</c>: the address-based action budget (cap = 10000 + floor(cumVlm) on mainnet).</summary>
public sealed record UserRateLimit(decimal CumVlm, long NRequestsUsed, long NRequestsCap, long NRequestsSurplus)
{
    public static UserRateLimit Parse(JsonElement e) => new(
        JsonRead.Dec(e, "cumVlm"), JsonRead.I64(e, "nRequestsUsed"), JsonRead.I64(e, "nRequestsCap"), JsonRead.OptLong(e, "nRequestsSurplus") ?? 0);

    public RequestBudget ToBudget() => new(NRequestsUsed, NRequestsCap, CumVlm);

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        JsonRead.WriteDec(writer, "cumVlm", CumVlm);
        writer.WriteNumber("nRequestsUsed", NRequestsUsed);
        writer.WriteNumber("nRequestsCap", NRequestsCap);
        writer.WriteNumber("nRequestsSurplus", NRequestsSurplus);
        writer.WriteEndObject();
    }
}
