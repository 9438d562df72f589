namespace HyperMM.Cli.Output;

/// <summary>A one-line text progress bar (<c>[#####-----] 12/40</c>) redrawn with a carriage return. Thread-safe.</summary>
public sealed class ProgressBar(TextWriter writer, int total)
{
    private const int Width = 30;
    private readonly Lock _gate = new();
    private int _done;

    public void Tick()
    {
        lock (_gate)
        {
            _done++;
            var filled = total == 0 ? Width : _done * Width / total;
            writer.Write($"\r[{new string('#', filled)}{new string('-', Width - filled)}] {_done}/{total}");
            writer.Flush();
        }
    }

    public void Done()
    {
        lock (_gate)
        {
            writer.WriteLine();
        }
    }
}
