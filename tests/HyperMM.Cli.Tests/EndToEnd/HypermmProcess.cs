using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace HyperMM.Cli.Tests.EndToEnd;

/// <summary>
/// A real <c>hypermm</c> process started from the test's output folder, its stdout and stderr drained into one
/// transcript (so a full pipe never blocks it), optionally with a pipe on its stdin. Disposing kills it if it runs.
/// </summary>
public sealed class HypermmProcess : IDisposable
{
    private readonly StringBuilder _transcript = new();
    private readonly StringBuilder _stdout = new();

    private HypermmProcess(Process process)
    {
        Process = process;
    }

    public static string Executable => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "hypermm.exe" : "hypermm");

    public Process Process { get; }

    public int Id => Process.Id;

    /// <summary>Everything printed so far, stdout and stderr interleaved.</summary>
    public string Transcript
    {
        get
        {
            lock (_transcript)
            {
                return _transcript.ToString();
            }
        }
    }

    /// <summary>Standard output only.</summary>
    public string Stdout
    {
        get
        {
            lock (_transcript)
            {
                return _stdout.ToString();
            }
        }
    }

    /// <param name="environment">Variables to set for the process (e.g. HYPERMM_STATE_DIR for its leases).</param>
    public static HypermmProcess Start(IEnumerable<string> arguments, bool pipeInput = false, IReadOnlyDictionary<string, string>? environment = null)
        => StartVia(Executable, arguments, pipeInput, environment);

    /// <summary>Starts <paramref name="fileName"/> (hypermm itself, or a shell that execs it) with the arguments.</summary>
    public static HypermmProcess StartVia(string fileName, IEnumerable<string> arguments, bool pipeInput = false, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = pipeInput,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var wrapper = new HypermmProcess(process);
        process.OutputDataReceived += (_, e) => wrapper.Append(e.Data, stdout: true);
        process.ErrorDataReceived += (_, e) => wrapper.Append(e.Data, stdout: false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return wrapper;
    }

    /// <summary>Polls the transcript until <paramref name="text"/> appears or the deadline passes (or the process ends).</summary>
    public async Task<bool> WaitForTextAsync(string text, TimeSpan deadline)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        while (DateTimeOffset.UtcNow < until)
        {
            if (Transcript.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            if (Process.HasExited)
            {
                await Process.WaitForExitAsync();
                return Transcript.Contains(text, StringComparison.Ordinal);
            }

            await Task.Delay(100);
        }

        return false;
    }

    /// <summary>Waits for the exit and returns the code; fails the test with the transcript if it takes too long.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan deadline)
    {
        using var cts = new CancellationTokenSource(deadline);
        try
        {
            await Process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"hypermm {Id} did not exit within {deadline}: {Transcript}");
        }

        Process.WaitForExit(); // drains the output readers
        return Process.ExitCode;
    }

    /// <summary>Sends a POSIX signal (STOP, CONT, INT, TERM) with kill(1).</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            using (var cont = Process.Start("kill", ["-CONT", Id.ToString(CultureInfo.InvariantCulture)]))
            {
                cont.WaitForExit();
            }

            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }

        Process.Dispose();
    }

    private void Append(string? line, bool stdout)
    {
        if (line is null)
        {
            return;
        }

        lock (_transcript)
        {
            _transcript.AppendLine(line);
            if (stdout)
            {
                _stdout.AppendLine(line);
            }
        }
    }
}
