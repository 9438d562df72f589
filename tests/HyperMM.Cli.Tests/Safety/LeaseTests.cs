using HyperMM.Cli.Safety;

namespace HyperMM.Cli.Tests.Safety;

public sealed class LeaseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hypermm-leases-").FullName;

    private string LeasePath => Path.Combine(_folder, "account-testnet-0xabc.lease");

    private static LeaseHolder Me(int pid = 4242) => new(pid, DateTimeOffset.FromUnixTimeMilliseconds(1_796_000_000_000), "hypermm run, journal /data/hypermm.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Acquire_WhileHeld_IsRefusedNamingTheHoldersPidAndStart()
    {
        using var held = Lease.Acquire(LeasePath, "account 0xabc on testnet", Me(), "stop it");
        var ex = Assert.Throws<LeaseHeldException>(() => Lease.Acquire(LeasePath, "account 0xabc on testnet", Me(99), "stop it"));
        Assert.Equal("account 0xabc on testnet is in use by another live run (pid 4242, started 2026-11-30 00:53:20Z (hypermm run, journal /data/hypermm.db)): stop it", ex.Message);
        Assert.True(Lease.IsHeld(LeasePath));
    }

    [Fact]
    public void Released_TheNextTakerSeesACleanHandOver()
    {
        Lease.Acquire(LeasePath, "x", Me(), "stop it").Dispose();
        Assert.False(Lease.IsHeld(LeasePath));
        using var next = Lease.Acquire(LeasePath, "x", Me(99), "stop it");
        Assert.Null(next.Previous);
    }

    [Fact]
    public void AHolderThatDiedWithoutReleasing_IsTakenOverAndNamed()
    {
        // What a kill -9 leaves: the holder record, and no lock (the kernel dropped it with the process).
        File.WriteAllText(LeasePath + ".holder", Me(1234).Text());
        using var next = Lease.Acquire(LeasePath, "x", Me(99), "stop it");
        Assert.Equal(1234, next.Previous?.ProcessId);
        Assert.Equal(99, Lease.ReadHolder(LeasePath)?.ProcessId);
    }

    [Fact]
    public void AccountLeases_LiveInTheStateFolder_OneFilePerVenueAndAccount()
    {
        string? Env(string name) => name == LeaseDirectory.Variable ? _folder : null;
        var a = LeaseDirectory.AccountLease("testnet", "0xABC", Env);
        Assert.Equal(Path.Combine(_folder, "leases", "account-testnet-0xabc.lease"), a);
        Assert.NotEqual(a, LeaseDirectory.AccountLease("mainnet", "0xabc", Env));
        Assert.Equal(a, LeaseDirectory.AccountLease("testnet", "0xabc", Env));
    }
}
