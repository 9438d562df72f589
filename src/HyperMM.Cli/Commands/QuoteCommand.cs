using System.CommandLine;

namespace HyperMM.Cli.Commands;

/// <summary><c>hypermm quote</c>: the full quote decomposition for given inputs.</summary>
public static class QuoteCommand
{
    public static Command Build()
    {
        var command = new Command("quote", "Print the quote decomposition for a strategy at a given mid, position and volatility.");
        command.SetAction(_ => 0);
        return command;
    }
}
