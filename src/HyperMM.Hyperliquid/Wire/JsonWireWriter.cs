using System.Text.Json;

namespace HyperMM.Hyperliquid.Wire;

/// <summary>JSON encoding of an action over a <see cref="Utf8JsonWriter"/>, same order as the msgpack that is hashed.</summary>
public sealed class JsonWireWriter(Utf8JsonWriter writer) : IWireWriter
{
    private readonly Utf8JsonWriter _writer = writer ?? throw new ArgumentNullException(nameof(writer));

    public void BeginMap(int count) => _writer.WriteStartObject();

    public void EndMap() => _writer.WriteEndObject();

    public void BeginArray(int count) => _writer.WriteStartArray();

    public void EndArray() => _writer.WriteEndArray();

    public void Key(string name) => _writer.WritePropertyName(name);

    public void StringValue(string value) => _writer.WriteStringValue(value);

    public void NumberValue(decimal value) => _writer.WriteStringValue(WireNumber.Format(value));

    public void IntegerValue(long value) => _writer.WriteNumberValue(value);

    public void BoolValue(bool value) => _writer.WriteBooleanValue(value);

    public void NullValue() => _writer.WriteNullValue();
}
