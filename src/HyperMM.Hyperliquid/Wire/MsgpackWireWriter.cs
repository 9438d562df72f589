using System.Buffers;
using MessagePack;

namespace HyperMM.Hyperliquid.Wire;

/// <summary>
/// msgpack encoding of an action with MessagePack-CSharp 2.5's <see cref="MessagePackWriter"/>, which reproduces the
/// venue's bytes (PROTOCOL §3.2): non-negative integers in the smallest unsigned form (fixint/0xcc/0xcd/0xce/0xcf),
/// str8 (0xd9) for 32..255-byte strings, maps written in the order given. Its contract-based serializer is not used:
/// key order and omitted optional keys are decided by each action's <c>Write</c> method.
/// MessagePackWriter is a ref struct, so it is created per call over the shared buffer.
/// </summary>
public sealed class MsgpackWireWriter : IWireWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;

    public MsgpackWireWriter(int initialCapacity = 256) => _buffer = new ArrayBufferWriter<byte>(initialCapacity);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public void Reset() => _buffer.ResetWrittenCount();

    public void BeginMap(int count)
    {
        var w = new MessagePackWriter(_buffer);
        w.WriteMapHeader(count);
        w.Flush();
    }

    public void EndMap()
    {
    }

    public void BeginArray(int count)
    {
        var w = new MessagePackWriter(_buffer);
        w.WriteArrayHeader(count);
        w.Flush();
    }

    public void EndArray()
    {
    }

    public void Key(string name) => StringValue(name);

    public void StringValue(string value)
    {
        var w = new MessagePackWriter(_buffer);
        w.Write(value);
        w.Flush();
    }

    public void NumberValue(decimal value) => StringValue(WireNumber.Format(value));

    public void IntegerValue(long value)
    {
        var w = new MessagePackWriter(_buffer);
        w.Write(value);
        w.Flush();
    }

    public void BoolValue(bool value)
    {
        var w = new MessagePackWriter(_buffer);
        w.Write(value);
        w.Flush();
    }

    public void NullValue()
    {
        var w = new MessagePackWriter(_buffer);
        w.WriteNil();
        w.Flush();
    }
}
