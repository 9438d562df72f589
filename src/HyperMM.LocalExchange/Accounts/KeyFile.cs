using System.Text;

namespace HyperMM.LocalExchange.Accounts;

/// <summary>
/// Writes rehearsal keys to a file readable by its owner only (0600 on Unix, created with those permissions
/// before any byte is written) as <c>NAME_KEY=0x…</c> lines plus the account address, ready to be sourced by a
/// shell. The keys never go to logs or the console.
/// </summary>
public static class KeyFile
{
    public static void Write(string path, IEnumerable<KeyFileEntry> accounts)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(accounts);
        var text = new StringBuilder();
        text.Append("# HyperMM local exchange rehearsal keys (testnet-in-a-box only; never fund these on a real network).\n");
        foreach (var entry in accounts)
        {
            var a = entry.Account;
            text.Append("# strategy ").Append(a.Name).Append(": account ").Append(a.Master.Hex).Append(", agent ").Append(a.Agent.Hex).Append('\n');
            text.Append(entry.KeyEnvironmentVariable).Append('=').Append(a.RevealAgentPrivateKeyHex()).Append('\n');
            text.Append(entry.AccountEnvironmentVariable).Append('=').Append(a.Master.Hex).Append('\n');
        }

        if (File.Exists(path))
        {
            File.Delete(path); // recreate, so the 0600 mode applies before any key byte is written
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            writer.Write(text.ToString());
        }
    }
}
