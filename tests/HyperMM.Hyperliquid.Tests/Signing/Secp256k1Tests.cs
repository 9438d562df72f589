using System.Text;
using HyperMM.Hyperliquid.Signing;

namespace HyperMM.Hyperliquid.Tests.Signing;

public class Secp256k1Tests
{
    private static readonly PrivateKey Key = PrivateKey.Parse("0x0123456789012345678901234567890123456789012345678901234567890123");

    [Fact]
    public void Sign_IsLowS_AndRecoversTheSigner()
    {
        // n/2 of secp256k1 = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0.
        var halfN = System.Numerics.BigInteger.Parse("07fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 32; i++)
        {
            var digest = Keccak256.Hash(Encoding.UTF8.GetBytes("message " + i));
            var signature = Secp256k1.Sign(Key, digest);
            var s = new System.Numerics.BigInteger(signature.SBytes(), isUnsigned: true, isBigEndian: true);
            Assert.True(s <= halfN);
            Assert.Equal(Key.Address, Secp256k1.Recover(digest, signature));
        }
    }

    [Fact]
    public void Recover_WithTheOtherRecoveryId_GivesADifferentAddress()
    {
        var digest = Keccak256.Hash(Encoding.UTF8.GetBytes("x"));
        var signature = Secp256k1.Sign(Key, digest);
        var flipped = new EcdsaSignature(signature.R, signature.S, signature.V == 27 ? 28 : 27);
        Assert.NotEqual(Key.Address, Secp256k1.Recover(digest, flipped));
    }

    [Fact]
    public void Recover_OutOfRangeR_IsAFormatException()
    {
        var digest = new byte[32];
        var zero = new EcdsaSignature("0x0", "0x1", 27);
        Assert.Throws<FormatException>(() => Secp256k1.Recover(digest, zero));
    }

    [Fact]
    public void Keccak256_OfEmptyInput_IsTheKnownValue()
        // Ethereum's well-known keccak256("") = c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470.
        => Assert.Equal("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", Convert.ToHexStringLower(Keccak256.Hash([])));

    [Fact]
    public void EcdsaSignature_PadsPythonStyleHexAndRejectsBadV()
    {
        var signature = new EcdsaSignature("0x53749d5b30552aeb2fca34b530185976545bb22d0b3ce6f62e31be961a59298", "0xAB", 27);
        Assert.Equal("0x053749d5b30552aeb2fca34b530185976545bb22d0b3ce6f62e31be961a59298", signature.R);
        Assert.Equal("0x00000000000000000000000000000000000000000000000000000000000000ab", signature.S);
        Assert.Throws<FormatException>(() => new EcdsaSignature("0x1", "0x1", 0));
        Assert.Throws<FormatException>(() => new EcdsaSignature("0x" + new string('1', 65), "0x1", 27));
    }
}
