using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace HyperMM.Simulation.Market;

/// <summary>
/// Reads a gzip file and, at its end, checks that the data is whole: .NET's <see cref="GZipStream"/> ends quietly on a
/// file cut short, so the trailer (CRC-32 and length of the last member, RFC 1952 §2.3.1) is compared with what was
/// decompressed. A file of several members (concatenated gzip files) is checked by its last member. A cut or corrupt
/// file raises <see cref="InvalidDataException"/> with a message in words when the reader reaches the end.
/// </summary>
internal sealed class VerifiedGzipStream : Stream
{
    private readonly string _path;
    private readonly FileStream _file;
    private readonly GZipStream _gzip;
    private readonly Crc32 _crc = new();
    private long _length;
    private bool _verified;

    public VerifiedGzipStream(string path)
    {
        _path = path;
        _file = File.OpenRead(path);
        _gzip = new GZipStream(_file, CompressionMode.Decompress);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = _gzip.Read(buffer);
        }
        catch (InvalidDataException)
        {
            throw new InvalidDataException("the gzip data is corrupt");
        }

        if (read > 0)
        {
            _crc.Append(buffer[..read]);
            _length += read;
            return read;
        }

        if (!_verified)
        {
            Verify();
            _verified = true;
        }

        return 0;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Verify()
    {
        var (crc, size) = Trailer(_path);
        if (size == (uint)_length && crc == _crc.GetCurrentHashAsUInt32())
        {
            return; // one member, whole
        }

        if (size < _length && crc == CrcOfTail(size))
        {
            return; // several members: the last one is whole
        }

        throw new InvalidDataException("the gzip data ends before its end marker: the file is cut short (an interrupted recording or copy?)");
    }

    private static (uint Crc, uint Size) Trailer(string path)
    {
        using var file = File.OpenRead(path);
        if (file.Length < 18)
        {
            return (0, uint.MaxValue);
        }

        Span<byte> trailer = stackalloc byte[8];
        file.Seek(-8, SeekOrigin.End);
        file.ReadExactly(trailer);
        return (BinaryPrimitives.ReadUInt32LittleEndian(trailer), BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]));
    }

    /// <summary>CRC-32 of the last <paramref name="size"/> decompressed bytes (a second pass; only for unusual files).</summary>
    private uint CrcOfTail(uint size)
    {
        using var gzip = new GZipStream(File.OpenRead(_path), CompressionMode.Decompress);
        var skip = _length - size;
        var crc = new Crc32();
        var buffer = new byte[81_920];
        int read;
        while ((read = gzip.Read(buffer)) > 0)
        {
            var from = (int)Math.Clamp(skip, 0, read);
            skip -= from;
            crc.Append(buffer.AsSpan(from, read - from));
        }

        return crc.GetCurrentHashAsUInt32();
    }
}
