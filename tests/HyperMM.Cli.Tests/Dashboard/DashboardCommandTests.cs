namespace HyperMM.Cli.Tests.Dashboard;

public sealed class DashboardCommandTests
{
    private static async Task<(int Code, string Err)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, error.ToString());
    }

    [Fact]
    public async Task MissingDb_IsOneLineAndExit2()
    {
        var (code, err) = await Run("dashboard", "--db", "/nonexistent/hypermm.db", "--port", "0");
        Assert.Equal(2, code);
        Assert.Equal("error: --db: no journal at /nonexistent/hypermm.db (run 'hypermm run' first, or pass --db PATH)", err.Trim());
    }

    [Fact]
    public async Task PortOutOfRange_IsOneLineAndExit2()
    {
        var (code, err) = await Run("dashboard", "--db", "/nonexistent/hypermm.db", "--port", "70000");
        Assert.Equal(2, code);
        Assert.Equal("error: --port: 70000 is not a port (0-65535)", err.Trim());
    }
}
