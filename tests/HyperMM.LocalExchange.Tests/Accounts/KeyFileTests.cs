using HyperMM.LocalExchange.Accounts;

namespace HyperMM.LocalExchange.Tests.Accounts;

public sealed class KeyFileTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Write_OwnerOnlyFile_WithEveryKeyAndAccount()
    {
        var dir = Directory.CreateTempSubdirectory("hypermm-keys-");
        try
        {
            var path = Path.Combine(dir.FullName, "keys.env");
            File.WriteAllText(path, "old content"); // an existing world-readable file is replaced, not reused
            File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);
            var eth = RehearsalAccount.Create("mm_eth_perp", 10_000m);
            var btc = RehearsalAccount.Create("mm_btc_perp", 10_000m);
            KeyFile.Write(path, [new KeyFileEntry(eth, "HYPERMM_ETH_KEY", "HYPERMM_ETH_ACCOUNT"), new KeyFileEntry(btc, "HYPERMM_BTC_KEY", "HYPERMM_BTC_ACCOUNT")]);

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            var text = File.ReadAllText(path);
            Assert.Contains("HYPERMM_ETH_KEY=" + eth.RevealAgentPrivateKeyHex() + "\n", text, StringComparison.Ordinal);
            Assert.Contains("HYPERMM_BTC_ACCOUNT=" + btc.Master.Hex + "\n", text, StringComparison.Ordinal);
            Assert.DoesNotContain("old content", text, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void RehearsalAccount_ToString_NeverShowsTheKey()
    {
        var account = RehearsalAccount.Create("mm_eth_perp", 1m);
        var key = account.RevealAgentPrivateKeyHex();
        Assert.Matches("^0x[0-9a-f]{64}$", key);
        Assert.DoesNotContain(key[2..], account.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(key[2..], account.AgentKey.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(account.Master, account.Agent);
    }
}
