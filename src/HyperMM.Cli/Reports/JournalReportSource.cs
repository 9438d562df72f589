using System.Globalization;
using HyperMM.Journal;

namespace HyperMM.Cli.Reports;

/// <summary>
/// Fills <see cref="ReportData"/> from a journal (read-only connection; works on a running journal too) for the
/// selected runs, all through the journal's one reader (<see cref="JournalReader"/>): per strategy and run, the ledger to
/// replay (<see cref="JournalReader.Window"/>), and for the charts the
/// quote decisions (mode FillPressure when the pressure stage is above zero), inventory from the periodic snapshots
/// plus the position after every fill, the cap from the nearest snapshot. Nothing from another run is mixed in.
/// </summary>
public sealed class JournalReportSource : IDisposable
{
    private readonly JournalReader _journal;
    private readonly bool _owned;

    /// <summary>Opens the journal at <paramref name="path"/> (a missing file is a <see cref="FileNotFoundException"/>).</summary>
    public JournalReportSource(string path)
        : this(new JournalReader(path), owned: true)
    {
    }

    /// <summary>Reads through an open reader, which the caller keeps and disposes.</summary>
    public JournalReportSource(JournalReader journal)
        : this(journal, owned: false)
    {
    }

    private JournalReportSource(JournalReader journal, bool owned)
    {
        _journal = journal ?? throw new ArgumentNullException(nameof(journal));
        _owned = owned;
    }

    public void Dispose()
    {
        if (_owned)
        {
            _journal.Dispose();
        }
    }

    public IReadOnlyList<JournalRun> Runs() => _journal.Runs();

    /// <summary>
    /// Loads the selected runs. <paramref name="tail"/> keeps only the newest that many quotes, fills and snapshots for
    /// the charts (the dashboard); the figures always replay every ledger entry.
    /// </summary>
    public ReportData Load(string? strategy, long? fromMs, long? toMs, RunSelection? runs = null, int? tail = null)
    {
        var selection = runs ?? RunSelection.Latest;
        var picked = selection.Pick(Runs());
        var names = picked.SelectMany(r => _journal.Strategies(r.RunId))
            .Distinct(StringComparer.Ordinal).Where(s => strategy is null || s == strategy).Order(StringComparer.Ordinal).ToList();
        var strategies = new List<StrategyReportData>(names.Count);
        foreach (var name in names)
        {
            var inRuns = picked.Where(r => _journal.Strategies(r.RunId).Contains(name)).ToList();
            var windows = inRuns.Select(r => _journal.Window(r, name, fromMs, toMs)).ToList();
            var runIds = inRuns.Select(r => r.RunId).ToList();
            var fills = Fills(name, runIds, fromMs, toMs, tail);
            var quotes = Quotes(name, runIds, fromMs, toMs, tail);
            var snapshots = Snapshots(name, runIds, tail);
            var inventory = Inventory(fills, snapshots.Where(s => In(s.TimeMs, fromMs, toMs)).ToList(), snapshots);
            var from = windows.Count == 0 ? fromMs ?? 0 : windows.Min(w => w.OpenedMs);
            var to = windows.Count == 0 ? toMs ?? from : windows.Max(w => w.AsOfMs);
            object? run = selection.All && picked.Count != 1 ? "all" : runIds.Count == 1 ? runIds[0] : null;
            strategies.Add(new StrategyReportData(name, _journal.CoinOf(name), run, from, to, windows, fills, quotes, inventory));
        }

        var label = picked.Count switch
        {
            0 => "no runs in the journal",
            1 => picked[0].Describe(),
            _ => $"all {picked.Count} runs ({string.Join(", ", picked.Select(r => r.RunId))}); each run's ledger is kept apart and the totals add them",
        };
        return new ReportData($"HyperMM report: {Path.GetFileName(_journal.Path)}", label, "journal", _journal.Path, strategies);
    }

    /// <summary>The default output folder name for a selection: run-N for one run, all-runs for every run.</summary>
    public string FolderName(RunSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var picked = selection.Pick(Runs());
        return picked.Count == 1 ? string.Create(CultureInfo.InvariantCulture, $"run-{picked[0].RunId}") : picked.Count == 0 ? "empty" : "all-runs";
    }

    private static bool In(long t, long? fromMs, long? toMs) => (fromMs is null || t >= fromMs) && (toMs is null || t <= toMs);


    private List<ReportFill> Fills(string strategy, IReadOnlyList<long> runIds, long? fromMs, long? toMs, int? tail) =>
        _journal.Fills(strategy, runIds, fromMs, toMs, bookedOnly: true, newest: tail)
            .Select(f => new ReportFill(f.Fill.TimeMs, f.Fill.Side, f.Fill.Price, f.Fill.Size, f.Fill.Fee, f.Fill.Crossed, f.MidAtFill, f.PositionAfter))
            .ToList();

    private List<QuoteSample> Quotes(string strategy, IReadOnlyList<long> runIds, long? fromMs, long? toMs, int? tail) =>
        _journal.Quotes(strategy, runIds, fromMs, toMs, tail)
            .Select(q => new QuoteSample(q.TimeMs, q.Mid, q.BidPrice, q.AskPrice, q.SpreadBps, q.PressureStage > 0 ? QuoteSample.FillPressureMode : "Quoting"))
            .ToList();

    private List<Snapshot> Snapshots(string strategy, IReadOnlyList<long> runIds, int? tail) =>
        _journal.Snapshots(strategy, runIds, newest: tail).Select(s => new Snapshot(s.RunId, s.TimeMs, s.Coin, s.Position, s.MaxAbsPosition)).ToList();

    private static List<InventorySample> Inventory(List<ReportFill> fills, List<Snapshot> inWindow, List<Snapshot> all)
    {
        // The cap at a time is the newest snapshot's at or before it (the first snapshot's before any); one merge pass.
        var merged = inWindow.Select(s => (s.TimeMs, s.Position, Order: 0))
            .Concat(fills.Select(f => (f.TimeMs, Position: f.PositionAfter, Order: 1)))
            .OrderBy(x => x.TimeMs).ThenBy(x => x.Order)
            .ToList();
        var samples = new List<InventorySample>(merged.Count);
        var next = 0;
        var cap = all.Count > 0 ? all[0].Cap : 0m;
        foreach (var (time, position, _) in merged)
        {
            while (next < all.Count && all[next].TimeMs <= time)
            {
                cap = all[next++].Cap;
            }

            samples.Add(new InventorySample(time, position, cap));
        }

        return samples;
    }

    private sealed record Snapshot(long RunId, long TimeMs, string Coin, decimal Position, decimal Cap);
}
