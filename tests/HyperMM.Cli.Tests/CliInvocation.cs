namespace HyperMM.Cli.Tests;

/// <summary>Runs the hypermm command line in-process and captures what it printed and its exit code.</summary>
public static class CliInvocation
{
    public static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
