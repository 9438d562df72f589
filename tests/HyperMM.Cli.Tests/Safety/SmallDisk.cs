using System.Diagnostics;
using System.Globalization;
using HyperMM.Cli.Tests.EndToEnd;

namespace HyperMM.Cli.Tests.Safety;

/// <summary>
/// A folder whose disk can be made full while a process writes there. Where the platform allows it (root, or
/// CAP_SYS_ADMIN) it is a 4 MB tmpfs filled to the last byte; otherwise the writing process gets a file-size limit of one
/// page (prlimit RLIMIT_FSIZE, with SIGXFSZ ignored so writes fail instead of killing it). Setting
/// HYPERMM_TEST_FULL_DISK=file-size-limit forces the second way.
/// </summary>
public sealed class SmallDisk : IAsyncDisposable
{
    private HypermmProcess? _process;

    private SmallDisk(string folder, bool tmpfs)
    {
        Folder = folder;
        IsTmpfs = tmpfs;
    }

    public string Folder { get; }

    public bool IsTmpfs { get; }

    public string Method => IsTmpfs ? "tmpfs filled" : "file-size limit";

    public static async Task<SmallDisk> CreateAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var forced = Environment.GetEnvironmentVariable("HYPERMM_TEST_FULL_DISK") == "file-size-limit";
        var mounted = !forced && OperatingSystem.IsLinux() && await RunAsync("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", folder) == 0;
        return new SmallDisk(folder, mounted);
    }

    public HypermmProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        _process = IsTmpfs
            ? HypermmProcess.Start(arguments, environment: environment)
            : HypermmProcess.StartVia("sh", ["-c", "trap '' XFSZ; exec \"$0\" \"$@\"", HypermmProcess.Executable, .. arguments], environment: environment);
        return _process;
    }

    /// <summary>Makes the next growth of any file the process writes there fail.</summary>
    public async Task FillAsync()
    {
        if (!IsTmpfs)
        {
            var pid = _process!.Id.ToString(CultureInfo.InvariantCulture);
            Assert.Equal(0, await RunAsync("prlimit", "--pid", pid, "--fsize=4096"));
            return;
        }

        var block = new byte[64 * 1024];
        await using var filler = new FileStream(Path.Combine(Folder, "filler"), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        try
        {
            while (true)
            {
                await filler.WriteAsync(block);
                await filler.FlushAsync();
            }
        }
        catch (IOException)
        {
            // No space left on the device: the disk is full.
        }

        // Top up the last bytes below a block.
        try
        {
            while (true)
            {
                filler.WriteByte(0);
                filler.Flush();
            }
        }
        catch (IOException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (IsTmpfs)
        {
            for (var i = 0; i < 20 && await RunAsync("umount", Folder) != 0; i++)
            {
                await Task.Delay(250);
            }
        }
    }

    private static async Task<int> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        try
        {
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1; // the tool is not installed
        }
    }
}
