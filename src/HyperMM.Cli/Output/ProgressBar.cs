using System.Globalization;

namespace HyperMM.Cli.Output;

/// <summary>
/// Progress of a long job on stderr. On a terminal: a one-line bar (<c>[#####-----] 12/40 runs</c>) redrawn with a
/// carriage return. Redirected (a file, a pipe, a test's writer): a plain line at every tenth of the way, so a log
/// stays readable. Thread-safe. Never give it stdout: with <c>--json</c> stdout carries the document only.
/// </summary>
public sealed class ProgressBar
{
    private const int Width = 30;
    private readonly Lock _gate = new();
    private readonly TextWriter _writer;
    private readonly int _total;
    private readonly string _what;
    private readonly bool _interactive;
    private int _done;
    private int _lastTenth;

    public ProgressBar(TextWriter writer, int total, string what, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _total = total;
        _what = what;
        _interactive = interactive;
    }

    /// <summary>A bar on the process's own stderr when that is a terminal, plain lines otherwise.</summary>
    public static ProgressBar For(TextWriter writer, int total, string what) =>
        new(writer, total, what, ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected);

    public void Tick()
    {
        lock (_gate)
        {
            _done++;
            if (_interactive)
            {
                var filled = _total == 0 ? Width : _done * Width / _total;
                _writer.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string('-', Width - filled)}] {_done}/{_total} {_what}"));
                _writer.Flush();
                return;
            }

            var tenth = _total == 0 ? 10 : _done * 10 / _total;
            if (tenth > _lastTenth)
            {
                _lastTenth = tenth;
                _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_done}/{_total} {_what} done"));
            }
        }
    }

    public void Done()
    {
        lock (_gate)
        {
            if (_interactive)
            {
                _writer.WriteLine();
            }
        }
    }
}
