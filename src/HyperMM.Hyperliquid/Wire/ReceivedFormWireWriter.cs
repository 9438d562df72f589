using System.Text.Json;

namespace HyperMM.Hyperliquid.Wire;

/// <summary>
/// Rebuilds the msgpack of an action the way the venue does from a received body (PROTOCOL §3.4): the key order
/// and the presence of optional keys come from the typed action (the venue's own structs; JSON key order in the
/// body does not matter), but every price and size string is hashed exactly as it was sent: "1.000", "+1" or "01"
/// are hashed as those characters, not as their canonical "1". A client that signs one form and sends another
/// therefore recovers a different signer here, as on the venue.
/// <para>
/// The typed action is written through this writer while a cursor walks the received JSON in step: each
/// <see cref="Key"/> moves to that property, each array item to the next element. For
/// <see cref="NumberValue"/> the received string is used when it denotes the same decimal (it always does when
/// the action was parsed from that JSON). Everything else goes to the inner writer unchanged.
/// </para>
/// </summary>
public sealed class ReceivedFormWireWriter : IWireWriter
{
    private readonly IWireWriter _inner;
    private readonly Stack<Frame> _frames = new();
    private JsonElement? _root;

    public ReceivedFormWireWriter(IWireWriter inner, JsonElement received)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _root = received;
    }

    public void BeginMap(int count)
    {
        _frames.Push(new Frame(Next(), isArray: false));
        _inner.BeginMap(count);
    }

    public void EndMap()
    {
        _frames.Pop();
        _inner.EndMap();
    }

    public void BeginArray(int count)
    {
        _frames.Push(new Frame(Next(), isArray: true));
        _inner.BeginArray(count);
    }

    public void EndArray()
    {
        _frames.Pop();
        _inner.EndArray();
    }

    public void Key(string name)
    {
        var frame = _frames.Peek();
        frame.Pending = frame.Container is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var value) ? value : null;
        _inner.Key(name);
    }

    public void StringValue(string value)
    {
        _ = Next();
        _inner.StringValue(value);
    }

    public void NumberValue(decimal value)
    {
        if (Next() is { ValueKind: JsonValueKind.String } received
            && received.GetString() is { } text
            && WireNumber.TryParse(text, out var parsed)
            && parsed == value)
        {
            _inner.StringValue(text);
        }
        else
        {
            _inner.NumberValue(value);
        }
    }

    public void IntegerValue(long value)
    {
        _ = Next();
        _inner.IntegerValue(value);
    }

    public void BoolValue(bool value)
    {
        _ = Next();
        _inner.BoolValue(value);
    }

    public void NullValue()
    {
        _ = Next();
        _inner.NullValue();
    }

    /// <summary>The received element for the value about to be written (null when the body has none there).</summary>
    private JsonElement? Next()
    {
        if (_frames.Count == 0)
        {
            var root = _root;
            _root = null;
            return root;
        }

        var frame = _frames.Peek();
        if (!frame.IsArray)
        {
            var pending = frame.Pending;
            frame.Pending = null;
            return pending;
        }

        var index = frame.Index++;
        return frame.Container is { ValueKind: JsonValueKind.Array } array && index < array.GetArrayLength() ? array[index] : null;
    }

    private sealed class Frame(JsonElement? container, bool isArray)
    {
        public JsonElement? Container { get; } = container;

        public bool IsArray { get; } = isArray;

        public JsonElement? Pending { get; set; }

        public int Index { get; set; }
    }
}
