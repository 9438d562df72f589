using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HyperMM.Cli.Tests.EndToEnd;

/// <summary>
/// Every example printed by every <c>--help</c> is run, as printed, by the real <c>hypermm</c> executable in one
/// folder (examples that read what an earlier one wrote, like a backtest of a recording, run after it), and must
/// exit 0. <c>http://127.0.0.1:5123</c> and <c>keys.env</c> are a local exchange this test runs and the keys file it
/// wrote; a command that runs until Ctrl-C gets SIGINT once it says so. Every "e.g." value in an option's help must
/// appear in one of its command's examples, so it ran too.
/// </summary>
public sealed partial class HelpExamplesTests
{
    private const string PlaceholderUrl = "http://127.0.0.1:5123";

    /// <summary>
    /// Producers before consumers: record before backtest/calibrate, run before report/dashboard; exchange last, as
    /// its example writes a new keys.env over the one doctor and cancel-all use.
    /// </summary>
    private static readonly string[] Order =
        ["quote", "simulate as2008", "exchange-load", "record", "backtest", "calibrate", "run", "report", "dashboard", "doctor", "cancel-all", "exchange"];

    private static string Executable => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "hypermm.exe" : "hypermm");

    [Fact]
    public async Task EveryHelpExample_RunsAsPrinted_AndExitsZero()
    {
        await using var venue = await LocalRehearsal.StartAsync();
        var helps = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in CommandPaths(CliApp.BuildRoot(), string.Empty))
        {
            var (code, output, _) = await RunAsync(venue.Folder, [.. path.Split(' '), "--help"]);
            Assert.Equal(0, code);
            helps[path] = output;
        }

        var examples = helps.ToDictionary(h => h.Key, h => Examples(h.Value));
        Assert.True(examples.Values.Sum(e => e.Count) >= 15, "the help texts lost their examples");
        foreach (var (path, help) in helps)
        {
            foreach (var value in InlineExampleValues(help))
            {
                Assert.True(examples[path].Any(e => e.Contains(value, StringComparison.Ordinal)), $"'{path} --help' says e.g. {value}, but no example of it runs that");
            }
        }

        var unknown = examples.Where(e => e.Value.Count > 0 && !Order.Contains(e.Key)).Select(e => e.Key).ToList();
        Assert.True(unknown.Count == 0, "examples of commands this test does not order yet: " + string.Join(", ", unknown));
        var failures = new List<string>();
        foreach (var path in Order)
        {
            foreach (var example in examples.GetValueOrDefault(path) ?? [])
            {
                var args = Tokenize(example.Replace(PlaceholderUrl, venue.Exchange.BaseUrl.ToString().TrimEnd('/'), StringComparison.Ordinal));
                Assert.Equal("hypermm", args[0]);
                var (code, output, error) = await RunAsync(venue.Folder, args[1..]);
                if (code != 0)
                {
                    failures.Add($"{example} → exit {code}\n{error}\n{Tail(output)}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>The lines of the "Examples:" section of a help text.</summary>
    public static IReadOnlyList<string> Examples(string help) =>
        [.. help.Split('\n').Select(l => l.TrimEnd('\r')).SkipWhile(l => l != "Examples:").Skip(1).TakeWhile(l => l.StartsWith("  hypermm ", StringComparison.Ordinal)).Select(l => l.Trim())];

    /// <summary>The value after each "e.g." in a help text, up to ")", ";", " (" or the end of the line.</summary>
    public static IEnumerable<string> InlineExampleValues(string help) =>
        EgPattern().Matches(help).Select(m => m.Groups[1].Value.Trim().TrimEnd('.').Trim('"'));

    /// <summary>Splits a command line on spaces; double quotes group (and are removed), as a POSIX shell does here.</summary>
    public static string[] Tokenize(string line)
    {
        var args = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (any || current.Length > 0)
                {
                    args.Add(current.ToString());
                }

                current.Clear();
                any = false;
            }
            else
            {
                current.Append(c);
            }
        }

        if (any || current.Length > 0)
        {
            args.Add(current.ToString());
        }

        return [.. args];
    }

    [Fact]
    public void Tokenize_KeepsQuotedCommasAndSpaces() =>
        Assert.Equal(["hypermm", "run", "--local-faults", "a=1, b=2"], Tokenize("hypermm run --local-faults \"a=1, b=2\""));

    [Fact]
    public void InlineExampleValues_StopAtTheEndOfTheExample() =>
        Assert.Equal(["--mid ETH=4300 --mid BTC=110000", "2026-12-01T10:00:00Z", "data/x.gz", "gamma=0.05:0.3"],
            InlineExampleValues("(e.g. --mid ETH=4300 --mid BTC=110000). (e.g. 2026-12-01T10:00:00Z; UTC) e.g. data/x.gz.\n e.g. gamma=0.05:0.3 (key=…)"));

    private static IEnumerable<string> CommandPaths(Command command, string prefix)
    {
        foreach (var sub in command.Subcommands)
        {
            var path = (prefix + " " + sub.Name).Trim();
            yield return path;
            foreach (var deeper in CommandPaths(sub, path))
            {
                yield return deeper;
            }
        }
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];

    /// <summary>Runs hypermm in <paramref name="folder"/>; SIGINT once it prints "Ctrl-C to stop" (it would run forever).</summary>
    private static async Task<(int Code, string Out, string Err)> RunAsync(string folder, string[] args)
    {
        var start = new ProcessStartInfo(Executable) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var error = new StringBuilder();
        var interrupted = false;
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
                if (!interrupted && e.Data?.Contains("Ctrl-C to stop", StringComparison.Ordinal) == true)
                {
                    interrupted = true;
                    _ = InterruptSoonAsync(process.Id);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (error)
            {
                error.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3)); // a hang guard, not a timing assertion
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, output.ToString(), "did not exit within 3 minutes\n" + error);
        }

        process.WaitForExit(); // drains the redirected streams
        lock (output)
        {
            return (process.ExitCode, output.ToString(), error.ToString());
        }
    }

    private static async Task InterruptSoonAsync(int pid)
    {
        await Task.Delay(TimeSpan.FromSeconds(2)); // let it serve a moment (real process: wall time)
        using var kill = Process.Start("kill", ["-INT", pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    [GeneratedRegex(@"e\.g\. ([^);\n]*?)(?:\)|;| \(|\n|$)")]
    private static partial Regex EgPattern();
}
