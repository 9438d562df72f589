using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace HyperMM.Cli.Commands;

/// <summary>
/// An "Examples:" section at the end of a command's <c>--help</c>. Every example is a whole command line that
/// works as printed (an end-to-end test runs each one: tests/HyperMM.Cli.Tests/EndToEnd/HelpExamplesTests.cs);
/// <c>http://127.0.0.1:5123</c> and <c>keys.env</c> stand for the URL and the keys file a running
/// <c>hypermm exchange</c> printed and wrote.
/// </summary>
public static class HelpExamples
{
    private static readonly ConditionalWeakTable<Command, string[]> Examples = [];

    public static T WithExamples<T>(this T command, params string[] examples)
        where T : Command
    {
        Examples.AddOrUpdate(command, examples);
        return command;
    }

    /// <summary>Makes the root's help option print each command's examples after the usual help.</summary>
    public static void Install(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ExamplesHelpAction((HelpAction)help.Action!);
    }

    private sealed class ExamplesHelpAction(HelpAction inner) : SynchronousCommandLineAction
    {
        /// <summary>Help is shown even when required options are missing ("hypermm sign --help").</summary>
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var code = inner.Invoke(parseResult);
            if (Examples.TryGetValue(parseResult.CommandResult.Command, out var examples))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var example in examples)
                {
                    output.WriteLine("  " + example);
                }

                output.WriteLine();
            }

            return code;
        }
    }
}
