using HyperMM.Cli.Failures;
using HyperMM.Cli.Hosting;
using HyperMM.Core.Primitives;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Hosting;

public sealed class RehearsalKeysTests : IDisposable
{
    // Private key 1 is the generator point; its address is the well-known 0x7e5f4552091a69125d5dfcb7b8c2659029395bdf.
    private const string KeyOne = "0x0000000000000000000000000000000000000000000000000000000000000001";
    private static readonly Address KnownAddressOfKeyOne = Address.Parse("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf");
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Load_KeyFileLines_ResolveKeyAndAccount()
    {
        File.WriteAllText(_file, $"# comment\nHYPERMM_ETH_KEY={KeyOne}\nHYPERMM_ETH_ACCOUNT=0x1111111111111111111111111111111111111111\n");
        var key = RehearsalKeys.Load(_file).Resolve(TestStrategies.Eth with { KeyEnvironmentVariable = "HYPERMM_ETH_KEY" });
        Assert.Equal(KnownAddressOfKeyOne, key.Key.Address);
        Assert.Equal(Address.Parse("0x1111111111111111111111111111111111111111"), key.Account);
        Assert.DoesNotContain(KeyOne[2..], key.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MissingVariable_SetupErrorNamingTheStrategy()
    {
        File.WriteAllText(_file, $"HYPERMM_ETH_KEY={KeyOne}\n");
        var ex = Assert.Throws<VenueSetupException>(() => RehearsalKeys.Load(_file).Resolve(TestStrategies.Btc with { KeyEnvironmentVariable = "HYPERMM_BTC_KEY" }));
        Assert.Contains("mm_btc_perp", ex.Message, StringComparison.Ordinal);
        Assert.Contains("HYPERMM_BTC_KEY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedLine_SetupErrorWithLineNumber()
    {
        File.WriteAllText(_file, "# header\nnot a pair\n");
        var ex = Assert.Throws<VenueSetupException>(() => RehearsalKeys.Load(_file));
        Assert.EndsWith(":2: expected NAME=value", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HYPERMM_ETH_KEY", "HYPERMM_ETH_ACCOUNT")]
    [InlineData("MY_SECRET", "MY_SECRET_ACCOUNT")]
    public void AccountVariableFor_Names(string key, string account) => Assert.Equal(account, RehearsalKeys.AccountVariableFor(key));
}
