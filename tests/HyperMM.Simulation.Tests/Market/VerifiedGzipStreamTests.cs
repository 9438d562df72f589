using System.IO.Compression;
using System.Text;
using HyperMM.Simulation.Market;

namespace HyperMM.Simulation.Tests.Market;

/// <summary>The gzip check behind every recording read: a whole file reads, a cut or damaged one is an error.</summary>
public sealed class VerifiedGzipStreamTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hypermm-gz-{Guid.NewGuid():N}.gz");

    public void Dispose() => File.Delete(_path);

    private static byte[] Member(string text)
    {
        using var bytes = new MemoryStream();
        using (var gzip = new GZipStream(bytes, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return bytes.ToArray();
    }

    private static string Lines(int from, int count) => string.Concat(Enumerable.Range(from, count).Select(i => $"line {i} {new string('x', i % 40)}\n"));

    private string ReadAll()
    {
        using var reader = WsCaptureReader.OpenText(_path);
        return reader.ReadToEnd();
    }

    [Fact]
    public void Read_WholeFile_GivesEveryByte()
    {
        File.WriteAllBytes(_path, Member(Lines(0, 200)));

        Assert.Equal(Lines(0, 200), ReadAll());
    }

    [Fact]
    public void Read_ConcatenatedMembers_AreWholeAndReadInFull()
    {
        // `cat a.gz b.gz` is a valid gzip file (RFC 1952 §2.2): the trailer checked is the last member's.
        File.WriteAllBytes(_path, [.. Member(Lines(0, 100)), .. Member(Lines(100, 50))]);

        Assert.Equal(Lines(0, 150), ReadAll());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(40)]
    public void Read_FileCutShort_IsAnError(int bytesCut)
    {
        var whole = Member(Lines(0, 200));
        File.WriteAllBytes(_path, whole[..^bytesCut]);

        var error = Assert.Throws<InvalidDataException>(ReadAll);

        Assert.StartsWith("the gzip data ends before its end marker", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SecondMemberCutShort_IsAnError()
    {
        var second = Member(Lines(100, 50));
        File.WriteAllBytes(_path, [.. Member(Lines(0, 100)), .. second[..^10]]);

        Assert.Throws<InvalidDataException>(ReadAll);
    }

    [Fact]
    public void Read_DamagedCompressedBytes_IsAnErrorInWords()
    {
        var whole = Member(Lines(0, 200));
        for (var i = 20; i < 60; i++)
        {
            whole[i] ^= 0x5a;
        }

        File.WriteAllBytes(_path, whole);

        var error = Assert.Throws<InvalidDataException>(ReadAll);

        Assert.True(error.Message is "the gzip data is corrupt" || error.Message.StartsWith("the gzip data ends before", StringComparison.Ordinal), error.Message);
    }
}
