using HyperMM.Cli.Reports;
using HyperMM.Journal;

namespace HyperMM.Cli.Dashboard;

/// <summary>
/// Reads the dashboard's view of a journal through the journal's one reader (<see cref="JournalReader"/>). Figures and the PnL series
/// are the report's (<see cref="JournalReportSource"/> + <see cref="ReportCalculator"/>: the strategy's ledger replayed),
/// for the selected runs only (the newest by default); the newest snapshot gives mode, position, cap and last error.
/// <see cref="Fingerprint"/> is cheap and changes whenever any journal table gets a row, so the server only rebuilds
/// the state when something happened.
/// </summary>
public sealed class DashboardJournalReader : IDisposable
{
    public const int QuotePoints = 600;
    public const int FillPoints = 200;
    public const int SeriesPoints = 600;
    public const int ErrorCount = 20;

    private readonly JournalReader _journal;
    private readonly JournalReportSource _source;
    private readonly RunSelection _runs;

    public DashboardJournalReader(string path, RunSelection? runs = null)
    {
        _journal = new JournalReader(path);
        _source = new JournalReportSource(_journal);
        _runs = runs ?? RunSelection.Latest;
    }

    public void Dispose()
    {
        _source.Dispose();
        _journal.Dispose();
    }

    public string Fingerprint() => _journal.Fingerprint();

    public (string RunLabel, IReadOnlyList<DashboardStrategy> Strategies, IReadOnlyList<DashboardError> Errors) Read()
    {
        var data = _source.Load(null, null, null, _runs, Math.Max(QuotePoints, SeriesPoints));
        var runIds = _runs.Pick(_source.Runs()).Select(r => r.RunId).ToList();
        return (data.RunLabel, data.Strategies.Select(s => Strategy(ReportCalculator.Compute(s), runIds)).ToList(), Errors(runIds));
    }

    private DashboardStrategy Strategy(StrategyReport report, IReadOnlyList<long> runIds)
    {
        var d = report.Data;
        var f = report.Figures.Figures;
        var name = d.Name;
        string mode = "Unknown";
        string? lastError = null;
        long? updated = null;
        decimal position = f.Position, cap = 0m;
        if (_journal.Snapshots(name, runIds, newest: 1) is [var snapshot])
        {
            (mode, cap, lastError, updated) = (snapshot.Mode, snapshot.MaxAbsPosition, snapshot.LastError, snapshot.TimeMs);
        }

        int PartAt(long t) => Math.Max(0, d.Windows.ToList().FindLastIndex(w => w.OpenedMs <= t));
        var quotes = d.Quotes.TakeLast(QuotePoints).Select(q => new DashboardQuotePoint(q.TimeMs, q.Mid, q.Bid, q.Ask, PartAt(q.TimeMs))).ToList();
        var fills = _journal.Fills(name, runIds, bookedOnly: true, newest: FillPoints)
            .Select(f => new DashboardFillPoint(f.Fill.TimeMs, f.Fill.TradeId, f.SideCode, f.Fill.Price, f.Fill.Size, f.Fill.Fee))
            .ToList();
        var inventory = d.Inventory.TakeLast(SeriesPoints).Select(p => new DashboardValuePoint(p.TimeMs, p.Position, PartAt(p.TimeMs))).ToList();
        var pnl = report.Pnl.TakeLast(SeriesPoints).Select(p => new DashboardValuePoint(p.TimeMs, p.Total, p.Part)).ToList();
        var last = quotes.Count > 0 ? quotes[^1] : null;
        updated = new[] { updated ?? 0, last?.T ?? 0, fills.Count > 0 ? fills[^1].T : 0, d.ToMs }.Max();
        return new DashboardStrategy(name, d.Coin, mode, updated == 0 ? null : updated, last?.Mid, last?.Bid, last?.Ask, d.Quotes.Count > 0 ? d.Quotes[^1].SpreadBps : null,
            position, cap, f.Fills, f.VolumeUsd, f.TotalPnl, f.Fees, f.Counters.Requests, lastError, quotes, fills, inventory, pnl)
        {
            SpreadCapture = f.SpreadCapture,
            InventoryPnl = f.InventoryPnl,
            Markout10sBps = f.Markout(10)?.Bps,
            StaleMidFills = f.StaleMidFills,
            InvalidBooks = f.Counters.InvalidBooks,
        };
    }

    private List<DashboardError> Errors(IReadOnlyList<long> runIds)
    {
        var notes = _journal.Notes(runIds, problemsOnly: true, newest: ErrorCount).Reverse().Select(n => new DashboardError(n.TimeMs, n.Strategy, n.Level, n.Message));
        var refused = _journal.Failures(runIds, newest: ErrorCount).Reverse().Select(f =>
            new DashboardError(f.TimeMs, f.Strategy, f.Action + " rejected", f.Message.Length == 0 ? f.Reason : $"{f.Reason}: {f.Message}"));
        return notes.Concat(refused).OrderByDescending(e => e.T).Take(ErrorCount).ToList();
    }
}
