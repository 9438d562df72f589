using HyperMM.Core.Primitives;
using HyperMM.LocalExchange.Limits;

namespace HyperMM.LocalExchange.Tests.Limits;

public sealed class NonceBookTests
{
    private static readonly Address Signer = Address.Parse("0x14791697260e4c9a71f18484c9f997b308e59325");
    private const long Now = 1_764_633_600_000; // 2025-12-02 00:00:00 UTC in ms

    [Fact]
    public void TryUse_SameNonceTwice_SecondIsDuplicate()
    {
        var book = new NonceBook();
        Assert.Null(book.TryUse(Signer, Now, Now));
        Assert.Equal($"Invalid nonce: duplicate nonce {Now}", book.TryUse(Signer, Now, Now));
    }

    [Fact]
    public void TryUse_OtherSigner_HasItsOwnSet()
    {
        var book = new NonceBook();
        Assert.Null(book.TryUse(Signer, Now, Now));
        Assert.Null(book.TryUse(Address.Parse("0xcd49bbac6e85fdeb167eb7ca41a945d2b8758f6f"), Now, Now));
    }

    [Fact]
    public void TryUse_OutOfWindow_Rejected()
    {
        var book = new NonceBook();
        // window (T - 2 days, T + 1 day): 2 days = 172,800,000 ms, 1 day = 86,400,000 ms
        Assert.Equal($"Invalid nonce: nonce too low {Now - 172_800_000} < {Now - 172_800_000}", book.TryUse(Signer, Now - 172_800_000, Now));
        Assert.Null(book.TryUse(Signer, Now - 172_799_999, Now));
        Assert.Equal($"Invalid nonce: nonce too high {Now + 86_400_000} > {Now + 86_400_000}", book.TryUse(Signer, Now + 86_400_000, Now));
        Assert.Null(book.TryUse(Signer, Now + 86_399_999, Now));
    }

    [Fact]
    public void TryUse_AfterHundredNonces_OnlyAboveTheSmallestKeptIsAccepted()
    {
        var book = new NonceBook();
        for (var i = 1; i <= 100; i++)
        {
            Assert.Null(book.TryUse(Signer, Now + (i * 10), Now));
        }

        // kept: Now+10 .. Now+1000; a nonce below the smallest (Now+10) is refused, one between kept values is fine
        Assert.Equal($"Invalid nonce: nonce too low {Now + 5} < {Now + 10}", book.TryUse(Signer, Now + 5, Now));
        Assert.Null(book.TryUse(Signer, Now + 15, Now));
        // Now+15 pushed Now+10 out: the smallest kept is now Now+15
        Assert.Equal($"Invalid nonce: nonce too low {Now + 12} < {Now + 15}", book.TryUse(Signer, Now + 12, Now));
    }

    [Fact]
    public void Check_DoesNotRecord()
    {
        var book = new NonceBook();
        Assert.Null(book.Check(Signer, Now, Now));
        Assert.Null(book.Check(Signer, Now, Now));
        book.Record(Signer, Now);
        Assert.NotNull(book.Check(Signer, Now, Now));
    }
}
