using System.Text.Json;
using HyperMM.Hyperliquid.Signing;
using HyperMM.Hyperliquid.Wire;
using HyperMM.TestSupport;

namespace HyperMM.Hyperliquid.Tests.Signing;

/// <summary>Loads ../shared/hyperliquid/signing-vectors.json (fails when missing) and offers small helpers.</summary>
internal static class SigningVectors
{
    private static readonly Lazy<JsonDocument> Document = new(
        () => JsonDocument.Parse(File.ReadAllText(SharedData.File("hyperliquid/signing-vectors.json"))));

    public static JsonElement Root => Document.Value.RootElement;

    public static IEnumerable<JsonElement> Array(string name) => Root.GetProperty(name).EnumerateArray();

    public static PrivateKey Key(string id) => PrivateKey.Parse(Root.GetProperty("keys").GetProperty(id).GetProperty("privateKey").GetString()!);

    public static string KeyAddress(string id) => Root.GetProperty("keys").GetProperty(id).GetProperty("address").GetString()!.ToLowerInvariant();

    public static string Hex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    public static long? OptLong(this JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;

    public static string? OptStr(this JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>r/s compared as 256-bit integers: the python SDK strips leading zero nibbles (EcdsaSignature pads).</summary>
    public static EcdsaSignature Sig(JsonElement e) => new(e.Str("r"), e.Str("s"), e.GetProperty("v").GetInt32());

    /// <summary>
    /// msgpack of arbitrary JSON in document order (integers as msgpack ints), for vectors whose action types are
    /// not typed records here (dummy, createSubAccount, claimRewards…) or whose strings are deliberately
    /// non-canonical (the Rust SDK's "2000.0"). Uses the library's msgpack writer.
    /// </summary>
    public static byte[] MsgpackOfJson(JsonElement element)
    {
        var writer = new MsgpackWireWriter();
        Write(writer, element);
        return writer.ToArray();
    }

    private static void Write(MsgpackWireWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = element.EnumerateObject().ToList();
                writer.BeginMap(properties.Count);
                foreach (var p in properties)
                {
                    writer.Key(p.Name);
                    Write(writer, p.Value);
                }

                break;
            case JsonValueKind.Array:
                writer.BeginArray(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                break;
            case JsonValueKind.String:
                writer.StringValue(element.GetString()!);
                break;
            case JsonValueKind.Number:
                writer.IntegerValue(element.GetInt64());
                break;
            case JsonValueKind.True:
                writer.BoolValue(true);
                break;
            case JsonValueKind.False:
                writer.BoolValue(false);
                break;
            default:
                writer.NullValue();
                break;
        }
    }
}
