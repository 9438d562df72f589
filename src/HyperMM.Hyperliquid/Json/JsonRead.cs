using System.Globalization;
using System.Text.Json;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Json;

/// <summary>
/// Lenient readers for venue responses: required fields must be present and well-typed (else
/// <see cref="WireFormatException"/> naming the field), unknown fields are ignored (the venue adds fields over time).
/// </summary>
public static class JsonRead
{
    public static JsonElement Get(JsonElement e, string name)
        => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            ? v
            : throw new WireFormatException($"response: missing field '{name}'.");

    public static bool Has(JsonElement e, string name)
        => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public static string Str(JsonElement e, string name) => JsonFields.AsString(Get(e, name), name);

    public static string? OptStr(JsonElement e, string name) => Has(e, name) ? Str(e, name) : null;

    public static long I64(JsonElement e, string name) => JsonFields.AsLong(Get(e, name), name);

    public static long? OptLong(JsonElement e, string name) => Has(e, name) ? I64(e, name) : null;

    public static int I32(JsonElement e, string name)
    {
        var value = I64(e, name);
        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new WireFormatException($"response: field '{name}' is out of range ({value}).");
    }

    public static bool Bool(JsonElement e, string name) => JsonFields.AsBool(Get(e, name), name);

    public static bool OptBool(JsonElement e, string name, bool whenAbsent = false) => Has(e, name) ? Bool(e, name) : whenAbsent;

    /// <summary>A string-number ("2986.3").</summary>
    public static decimal Dec(JsonElement e, string name) => DecValue(Get(e, name), name);

    public static decimal? OptDec(JsonElement e, string name) => Has(e, name) ? Dec(e, name) : null;

    public static decimal DecValue(JsonElement value, string name)
    {
        if (value.ValueKind == JsonValueKind.String && WireNumber.TryParse(value.GetString(), out var d))
        {
            return d;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var n))
        {
            return n;
        }

        throw new WireFormatException($"response: field '{name}' is not a decimal string-number.");
    }

    public static Side Side(JsonElement e, string name) => Str(e, name) switch
    {
        "B" => Core.Primitives.Side.Buy,
        "A" => Core.Primitives.Side.Sell,
        var other => throw new WireFormatException($"response: field '{name}' is '{other}', expected B or A."),
    };

    public static string SideText(Side side) => side == Core.Primitives.Side.Buy ? "B" : "A";

    public static Cloid? OptCloid(JsonElement e, string name)
    {
        var text = OptStr(e, name);
        if (text is null)
        {
            return null;
        }

        return Cloid.TryParse(text, out var cloid) ? cloid : throw new WireFormatException($"response: field '{name}' is not a cloid.");
    }

    public static IReadOnlyList<T> List<T>(JsonElement array, Func<JsonElement, T> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new WireFormatException($"response: expected an array, got {JsonFields.Describe(array)}.");
        }

        var result = new List<T>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            result.Add(parse(item));
        }

        return result;
    }

    /// <summary>Parses a whole UTF-8 document with <paramref name="parse"/>; bad JSON becomes <see cref="WireFormatException"/>.</summary>
    public static T Document<T>(ReadOnlySpan<byte> utf8, Func<JsonElement, T> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        JsonDocument doc;
        try
        {
            var reader = new Utf8JsonReader(utf8);
            doc = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new WireFormatException($"response: not valid JSON ({ex.Message})", ex);
        }

        using (doc)
        {
            try
            {
                return parse(doc.RootElement);
            }
            catch (InvalidOperationException ex)
            {
                throw new WireFormatException($"response: unexpected shape ({ex.Message})", ex);
            }
            catch (OverflowException ex)
            {
                throw new WireFormatException($"response: number out of range ({ex.Message})", ex);
            }
        }
    }

    /// <summary>Writes a value with <paramref name="write"/> into UTF-8 bytes (the server side of the models).</summary>
    public static byte[] ToUtf8(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes a decimal as the venue's string-number (invariant, no exponent, no trailing zeros).</summary>
    public static void WriteDec(Utf8JsonWriter writer, string name, decimal value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString(name, FormatDec(value));
    }

    public static void WriteOptDec(Utf8JsonWriter writer, string name, decimal? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } v)
        {
            writer.WriteString(name, FormatDec(v));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>The venue prints integral values with ".0" ("30135.0", "0.0"): mirrored so a local server looks the same.</summary>
    public static string FormatDec(decimal value)
    {
        var text = value.ToString("0.############################", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }
}
