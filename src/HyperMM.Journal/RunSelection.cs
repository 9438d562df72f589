using System.Globalization;

namespace HyperMM.Journal;

/// <summary>Which runs of a journal a report or the dashboard shows: the newest (default), one by id, or all.</summary>
public sealed record RunSelection(long? RunId, bool All)
{
    public static RunSelection Latest { get; } = new(null, false);

    public static RunSelection Every { get; } = new(null, true);

    /// <summary>Parses <c>--run</c>: null or "latest", "all", or a run id; anything else is a usage error.</summary>
    public static RunSelection Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text == "latest")
        {
            return Latest;
        }

        if (text == "all")
        {
            return Every;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? new RunSelection(id, false)
            : throw new RunSelectionException($"--run: '{text}' is not a run id, 'latest' or 'all'");
    }

    /// <summary>The runs selected from <paramref name="runs"/> (oldest first); a missing run id is a usage error naming the ones there are.</summary>
    public IReadOnlyList<JournalRun> Pick(IReadOnlyList<JournalRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (All || runs.Count == 0)
        {
            return runs;
        }

        if (RunId is { } id)
        {
            var run = runs.FirstOrDefault(r => r.RunId == id);
            return run is null
                ? throw new RunSelectionException($"--run: no run {id} in the journal (runs: {string.Join(", ", runs.Select(r => r.RunId))})")
                : [run];
        }

        return [runs[^1]];
    }
}
