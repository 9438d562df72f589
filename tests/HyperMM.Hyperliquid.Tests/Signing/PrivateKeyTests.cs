using HyperMM.Hyperliquid.Signing;

namespace HyperMM.Hyperliquid.Tests.Signing;

public class PrivateKeyTests
{
    private const string PyKey = "0x0123456789012345678901234567890123456789012345678901234567890123";

    [Fact]
    public void Address_MatchesThePublishedTestKeyAddresses()
    {
        // Addresses from PROTOCOL §4 (derived by the SDKs' own tests).
        Assert.Equal("0x14791697260e4c9a71f18484c9f997b308e59325", PrivateKey.Parse(PyKey).Address.Hex);
        Assert.Equal("0xcd49bbac6e85fdeb167eb7ca41a945d2b8758f6f", PrivateKey.Parse("0xe908f86dbb4d55ac876378565aafeabc187f6690f046459397b17d9b9a19688e").Address.Hex);
        Assert.Equal("0xe5ca49fb3bd9a581f0d1ef9cb5d7177da08bf901", PrivateKey.Parse("822e9959e022b78423eb653a62ea0020cd283e71a2a8133a6ff2aeffaf373cff").Address.Hex);
    }

    [Fact]
    public void ToString_IsRedacted()
    {
        var text = PrivateKey.Parse(PyKey).ToString();
        Assert.DoesNotContain("0123456789", text, StringComparison.Ordinal);
        Assert.Contains("redacted", text, StringComparison.Ordinal);
        Assert.Contains("0x14791697260e4c9a71f18484c9f997b308e59325", text, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_ReadsTheNamedVariable()
    {
        var name = "HYPERMM_TEST_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, PyKey);
        try
        {
            Assert.Equal("0x14791697260e4c9a71f18484c9f997b308e59325", PrivateKey.FromEnvironment(name).Address.Hex);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void FromEnvironment_MissingVariable_NamesTheVariable()
    {
        var name = "HYPERMM_TEST_MISSING_" + Guid.NewGuid().ToString("N");
        var ex = Assert.Throws<PrivateKeyException>(() => PrivateKey.FromEnvironment(name));
        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0x1234567890abcdef")]
    [InlineData("0xzz23456789012345678901234567890123456789012345678901234567890123")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void FromEnvironment_InvalidValue_NeverEchoesIt(string value)
    {
        var name = "HYPERMM_TEST_BAD_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, value);
        try
        {
            var ex = Assert.Throws<PrivateKeyException>(() => PrivateKey.FromEnvironment(name));
            Assert.DoesNotContain(value[2..], ex.Message, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
