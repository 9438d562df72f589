namespace HyperMM.Hyperliquid.Wire;

/// <summary>
/// One ordered writer behind both encodings of an action: msgpack (what is hashed) and JSON (what is posted).
/// Every action writes itself once against this interface, so the two can never disagree on key order or on which
/// optional keys are present (PROTOCOL §3.4). Map/array counts are needed by msgpack; JSON ignores them.
/// </summary>
public interface IWireWriter
{
    void BeginMap(int count);

    void EndMap();

    void BeginArray(int count);

    void EndArray();

    void Key(string name);

    void StringValue(string value);

    /// <summary>A price or size: a string-number, canonical (<see cref="WireNumber.Format"/>) unless the writer echoes what was received.</summary>
    void NumberValue(decimal value);

    void IntegerValue(long value);

    void BoolValue(bool value);

    void NullValue();
}
