using System.Text.Json;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Json;

/// <summary>
/// Reads one JSON object field by field in any key order, then rejects whatever was not consumed, so an unknown or
/// misspelt field is an error naming its path (the venue would hash it differently or reject it).
/// </summary>
public sealed class JsonFields
{
    private readonly Dictionary<string, JsonElement> _fields = new(StringComparer.Ordinal);

    public JsonFields(JsonElement element, string path)
    {
        Path = path;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new WireFormatException($"{path}: expected a JSON object, got {Describe(element)}.");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!_fields.TryAdd(property.Name, property.Value))
            {
                throw new WireFormatException($"{path}: duplicate field '{property.Name}'.");
            }
        }
    }

    public string Path { get; }

    public bool Has(string name) => _fields.ContainsKey(name);

    public JsonElement Required(string name)
    {
        if (!_fields.Remove(name, out var value))
        {
            throw new WireFormatException($"{Path}: missing field '{name}'.");
        }

        return value;
    }

    /// <summary>The field, or null when absent or JSON null.</summary>
    public JsonElement? Optional(string name)
    {
        if (!_fields.Remove(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value;
    }

    public string GetString(string name) => AsString(Required(name), $"{Path}.{name}");

    public string? OptionalString(string name) => Optional(name) is { } e ? AsString(e, $"{Path}.{name}") : null;

    public long GetLong(string name) => AsLong(Required(name), $"{Path}.{name}");

    public long? OptionalLong(string name) => Optional(name) is { } e ? AsLong(e, $"{Path}.{name}") : null;

    public int GetInt(string name)
    {
        var value = GetLong(name);
        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new WireFormatException($"{Path}.{name}: {value} is out of range.");
    }

    public bool GetBool(string name) => AsBool(Required(name), $"{Path}.{name}");

    public bool? OptionalBool(string name) => Optional(name) is { } e ? AsBool(e, $"{Path}.{name}") : null;

    public decimal Number(string name)
    {
        var text = GetString(name);
        return WireNumber.TryParse(text, out var value)
            ? value
            : throw new WireFormatException($"{Path}.{name}: '{text}' is not a decimal string-number.");
    }

    public Address Address(string name)
    {
        var text = GetString(name);
        return Core.Primitives.Address.TryParse(text, out var address)
            ? address
            : throw new WireFormatException($"{Path}.{name}: '{text}' is not an address (0x + 40 hex digits).");
    }

    public Address? OptionalAddress(string name)
    {
        var text = OptionalString(name);
        if (text is null)
        {
            return null;
        }

        return Core.Primitives.Address.TryParse(text, out var address)
            ? address
            : throw new WireFormatException($"{Path}.{name}: '{text}' is not an address (0x + 40 hex digits).");
    }

    public Cloid Cloid(string name) => AsCloid(Required(name), $"{Path}.{name}");

    public JsonElement Array(string name)
    {
        var value = Required(name);
        return value.ValueKind == JsonValueKind.Array
            ? value
            : throw new WireFormatException($"{Path}.{name}: expected an array, got {Describe(value)}.");
    }

    /// <summary>Throws when a field was not consumed.</summary>
    public void End()
    {
        foreach (var name in _fields.Keys)
        {
            throw new WireFormatException($"{Path}: unknown field '{name}'.");
        }
    }

    public static string AsString(JsonElement e, string path)
        => e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw new WireFormatException($"{path}: expected a string, got {Describe(e)}.");

    public static long AsLong(JsonElement e, string path)
        => e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var value)
            ? value
            : throw new WireFormatException($"{path}: expected an integer, got {Describe(e)}.");

    public static bool AsBool(JsonElement e, string path)
        => e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new WireFormatException($"{path}: expected true or false, got {Describe(e)}."),
        };

    public static Cloid AsCloid(JsonElement e, string path)
    {
        var text = AsString(e, path);
        return Core.Primitives.Cloid.TryParse(text, out var cloid)
            ? cloid
            : throw new WireFormatException($"{path}: '{text}' is not a cloid (0x + 32 hex digits).");
    }

    public static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
