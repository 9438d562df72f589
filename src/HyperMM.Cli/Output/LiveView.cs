using System.Globalization;
using HyperMM.Core.Primitives;
using HyperMM.Core.Strategy;
using Spectre.Console;

namespace HyperMM.Cli.Output;

/// <summary>
/// The console while a run is going: in a terminal, the per-strategy table redrawn in place once a second; when the
/// output is a file or a pipe, one status line per strategy every <see cref="LineInterval"/>.
/// </summary>
public static class LiveView
{
    public static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(Func<IReadOnlyList<SlotSnapshot>> slots, bool liveTable, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(output);
        try
        {
            if (liveTable)
            {
                var started = time.GetTimestamp();
                Spectre.Console.Table Table() => StatusTable.Build(slots(), final: false, AnsiConsole.Profile.Width, time.GetElapsedTime(started));
                await AnsiConsole.Live(Table()).AutoClear(true).StartAsync(async context =>
                {
                    while (!cancellationToken.IsCancellationRequested)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
                        context.UpdateTarget(Table());
                    }
                }).ConfigureAwait(false);
                return;
            }

            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(LineInterval, time, cancellationToken).ConfigureAwait(false);
                foreach (var slot in slots())
                {
                    await output.WriteLineAsync(Line(slot)).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One strategy in one line, for logs and pipes.</summary>
    public static string Line(SlotSnapshot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return Line(slot.Name, slot.Status, slot.Error);
    }

    /// <summary>One strategy in one line from its status: the ledger's figures as the status carries them.</summary>
    public static string Line(string name, StrategyStatus? s, string? error)
    {
        if (error is not null)
        {
            return $"{name}: failed: {error}";
        }

        if (s is null)
        {
            return $"{name}: connecting";
        }

        var c = CultureInfo.InvariantCulture;
        var quote = s.Quote is { } q
            ? string.Create(c, $"mid {q.Mid} bid {(q.Nearest(Side.Buy) is { IsQuoted: true } bid ? bid.Price.ToString(c) : "-")} ask {(q.Nearest(Side.Sell) is { IsQuoted: true } ask ? ask.Price.ToString(c) : "-")} spread {q.SpreadBps:0.0} bps")
            : "no quote yet";
        var f = s.Figures;
        return string.Create(c, $"{name}: {s.Mode} {quote} position {s.Position}/{s.MaxAbsPosition} fills {f.Fills} pnl {FigureRows.D(f.TotalPnl, 4)} (spread {FigureRows.D(f.SpreadCapture, 4)} inventory {FigureRows.D(f.InventoryPnl, 4)} fees {FigureRows.D(f.Fees, 4)})")
            + (s.LastError is null ? string.Empty : " last error: " + s.LastError);
    }
}
