using System.Text.Json;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Info;

/// <summary><c>extraAgents</c> entry: a named API wallet and its expiry (ms, may be null).</summary>
public sealed record ExtraAgent(string Name, Address Address, long? ValidUntil)
{
    public static ExtraAgent Parse(JsonElement e) => new(
        JsonRead.Str(e, "name"), Address.Parse(JsonRead.Str(e, "address")), JsonRead.OptLong(e, "validUntil"));

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("name", Name);
        writer.WriteString("address", Address.Hex);
        if (ValidUntil is { } until)
        {
            writer.WriteNumber("validUntil", until);
        }
        else
        {
            writer.WriteNull("validUntil");
        }

        writer.WriteEndObject();
    }
}
