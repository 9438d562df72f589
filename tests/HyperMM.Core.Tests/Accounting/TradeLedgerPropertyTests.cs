using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HyperMM.Core.Accounting;
using HyperMM.Core.Primitives;

namespace HyperMM.Core.Tests.Accounting;

/// <summary>Invariants of the ledger over random streams of marks, fills (maker and taker, with fees) and adjustments.</summary>
public class TradeLedgerPropertyTests
{
    private const long T0 = 1_757_015_216_000;

    /// <summary>One step: kind 0-5 mark, 6-8 fill, 9 adjustment; prices on a 0.1 grid around 2000, sizes on a 0.001 lot.</summary>
    public sealed record LedgerStep(int Kind, int GapMs, int MidTicks, int PriceTicks, int Lots, bool Buy, int FeeMicros, bool Taker);

    private static Arbitrary<LedgerStep[]> Streams()
    {
        var step =
            from kind in Gen.Choose(0, 9)
            from gap in Gen.Choose(0, 15_000)
            from mid in Gen.Choose(-500, 500)
            from price in Gen.Choose(-20, 20)
            from lots in Gen.Choose(1, 400)
            from buy in Gen.Elements(true, false)
            from fee in Gen.Choose(-50, 400)
            from taker in Gen.Elements(true, false)
            select new LedgerStep(kind, gap, mid, price, lots, buy, fee, taker);
        return Arb.From(Gen.ArrayOf(step, 60));
    }

    private static (TradeLedger Ledger, List<LedgerEntry> Entries, long End) Run(LedgerStep[] steps)
    {
        var ledger = new TradeLedger(T0);
        var entries = new List<LedgerEntry>();
        var t = T0;
        foreach (var s in steps)
        {
            t += s.GapMs;
            var mid = 2000m + (s.MidTicks * 0.1m);
            if (s.Kind <= 5)
            {
                if (ledger.Mark(t, mid) is { } e)
                {
                    entries.Add(e);
                }
            }
            else if (s.Kind <= 8)
            {
                var price = mid + (s.PriceTicks * 0.1m);
                entries.Add(ledger.Apply(new LedgerFill(t, s.Buy ? Side.Buy : Side.Sell, price, s.Lots * 0.001m, s.FeeMicros * 0.000001m, s.Taker, mid, false)));
            }
            else if (ledger.Adjust(t, (s.Buy ? 1 : -1) * s.Lots * 0.001m, mid) is { } e)
            {
                entries.Add(e);
            }
        }

        return (ledger, entries, t + 1000);
    }

    [Property(MaxTest = 300)]
    public Property Total_IsSpreadPlusInventoryMinusFees_AndRealisedPlusUnrealisedMinusFees_Exactly() =>
        Prop.ForAll(Streams(), steps =>
        {
            var (ledger, _, end) = Run(steps);
            var f = ledger.Figures(end);
            if (!(f.RealizedPnl + f.UnrealizedPnl == f.SpreadCapture + f.InventoryPnl && f.TotalPnl == f.SpreadCapture + f.InventoryPnl - f.Fees && ledger.TotalPnl == f.TotalPnl))
            {
                throw new InvalidOperationException($"R {f.RealizedPnl} U {f.UnrealizedPnl} S {f.SpreadCapture} I {f.InventoryPnl} F {f.Fees} T {f.TotalPnl} LT {ledger.TotalPnl} steps {steps.Length}");
            }

            return f.RealizedPnl + f.UnrealizedPnl == f.SpreadCapture + f.InventoryPnl
                && f.TotalPnl == f.SpreadCapture + f.InventoryPnl - f.Fees
                && ledger.TotalPnl == f.TotalPnl;
        });

    [Property(MaxTest = 300)]
    public Property Replaying_TheEntries_GivesTheSameFigures() =>
        Prop.ForAll(Streams(), steps =>
        {
            var (ledger, entries, end) = Run(steps);
            var window = new LedgerWindow("p", T0, end, entries, LedgerCounters.None);
            return window.Figures().Equals(ledger.Figures(end));
        });

    [Property(MaxTest = 300)]
    public Property FlatRoundTrip_AtAnUnchangedMid_EarnsExactlyTheSpreadMinusFees() =>
        Prop.ForAll(
            Arb.From(from mid in Gen.Choose(1_000, 900_000)
                     from below in Gen.Choose(0, 500)
                     from above in Gen.Choose(0, 500)
                     from lots in Gen.Choose(1, 1_000)
                     from fees in Gen.Choose(-100, 1_000)
                     from sellFirst in Gen.Elements(true, false)
                     select (Mid: mid * 0.1m, Below: below * 0.1m, Above: above * 0.1m, Size: lots * 0.001m, Fee: fees * 0.0001m, SellFirst: sellFirst)),
            c =>
            {
                var ledger = new TradeLedger(T0);
                ledger.Mark(T0, c.Mid);
                var buy = new LedgerFill(T0 + 1_000, Side.Buy, c.Mid - c.Below, c.Size, c.Fee, false, c.Mid, false);
                var sell = new LedgerFill(T0 + 2_000, Side.Sell, c.Mid + c.Above, c.Size, c.Fee, false, c.Mid, false);
                ledger.Apply(c.SellFirst ? sell with { TimeMs = T0 + 1_000 } : buy);
                ledger.Apply(c.SellFirst ? buy with { TimeMs = T0 + 2_000 } : sell);
                var f = ledger.Figures(T0 + 3_000);
                var spread = (c.Below + c.Above) * c.Size;
                return f.Position == 0m && f.SpreadCapture == spread && f.InventoryPnl == 0m
                    && f.RealizedPnl == spread && f.TotalPnl == spread - (2 * c.Fee);
            });

    [Property(MaxTest = 200)]
    public Property Markouts_OfAFillAtTheMid_MarkedAtTheSameMid_AreZero() =>
        Prop.ForAll(
            Arb.From(from mid in Gen.Choose(1_000, 900_000)
                     from lots in Gen.Choose(1, 1_000)
                     from buy in Gen.Elements(true, false)
                     from later in Gen.Choose(61, 600)
                     select (Mid: mid * 0.1m, Size: lots * 0.001m, Buy: buy, LaterSeconds: later)),
            c =>
            {
                var ledger = new TradeLedger(T0);
                ledger.Mark(T0, c.Mid);
                ledger.Apply(new LedgerFill(T0 + 1, c.Buy ? Side.Buy : Side.Sell, c.Mid, c.Size, 0m, false, c.Mid, false));
                var f = ledger.Figures(T0 + (c.LaterSeconds * 1000L));
                return f.Markouts.All(m => m.Fills == 1 && m.Bps == 0m && m.PnlUsd == 0m);
            });

    [Property(MaxTest = 100)]
    public Property Combine_AddsUpParts_AndKeepsTheIdentity() =>
        Prop.ForAll(Streams(), Streams(), (a, b) =>
        {
            var (la, _, ea) = Run(a);
            var (lb, _, eb) = Run(b);
            var fa = la.Figures(ea);
            var fb = lb.Figures(eb);
            var c = LedgerFigures.Combine([fa, fb]);
            return c.Fills == fa.Fills + fb.Fills
                && c.TotalPnl == fa.TotalPnl + fb.TotalPnl
                && c.RealizedPnl + c.UnrealizedPnl == c.SpreadCapture + c.InventoryPnl
                && c.WindowMs == fa.WindowMs + fb.WindowMs
                && c.Markout(10)!.PnlUsd == fa.Markout(10)!.PnlUsd + fb.Markout(10)!.PnlUsd
                && c.MaxAbsPosition == Math.Max(fa.MaxAbsPosition, fb.MaxAbsPosition);
        });
}
