using HyperMM.Core.Market;
using HyperMM.Core.Model;
using HyperMM.Simulation.Market;

namespace HyperMM.Simulation.Calibration;

/// <summary>
/// Estimates Stoikov's micro-price adjustment G*(I, S) from recorded books (2018, §3, the estimation the paper's
/// notebook runs):
/// <list type="number">
/// <item>Keep the two-sided books whose spread is 1 to <see cref="MicroPriceOptions.MaxSpreadTicks"/> ticks (the tick
/// is the smallest positive spread seen); each consecutive pair of kept books is one transition from state
/// x = (S, bucket of I) to state y with a mid change dM (ticks).</item>
/// <item>Symmetrise: every transition also counts mirrored (bid and ask sizes swapped, dM negated), so G*(1 − I) =
/// −G*(I) and the estimate carries no drift of the recording.</item>
/// <item>Per state x with N(x) transitions: Q(x, y) = share of transitions to y with dM = 0, T(x, y) = share that
/// moved the mid and landed in y, r(x) = Σ dM over moving transitions / N(x). Then G¹ = (1 − Q)⁻¹ r (the expected mid
/// change at the next mid change, the paper's (1 − Q)⁻¹ R K with every observed dM kept rather than only ±½ and ±1
/// tick), B = (1 − Q)⁻¹ T, and G^(i+1) = G¹ + B·G^i until it stops moving: G* = Σ Bⁱ G¹.</item>
/// </list>
/// A state seen fewer than <see cref="MicroPriceOptions.MinTransitionsPerState"/> times is treated as unobserved:
/// no transitions from it (its G is 0) and transitions into it end the chain. Pure.
/// </summary>
public static class MicroPriceFitter
{
    /// <summary>The fit, or null with a reason when the data cannot support one.</summary>
    public static (MicroPriceFit? Fit, string? Reason) Fit(IReadOnlyList<MarketEvent> events, MicroPriceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        options ??= MicroPriceOptions.Default;
        if (options.Buckets < 2 || options.MaxSpreadTicks < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "micro-price needs at least 2 buckets and 1 spread state");
        }

        var tops = events.Where(e => e.Kind == MarketEventKind.Book && e.Book!.Top.IsTwoSided && e.Book.Top.BidSize > 0m && e.Book.Top.AskSize > 0m)
            .Select(e => e.Book!.Top).ToList();
        if (tops.Count < 2)
        {
            return (null, "fewer than two two-sided books");
        }

        var tick = tops.Min(t => t.AskPrice - t.BidPrice);
        var n = options.Buckets;
        var states = n * options.MaxSpreadTicks;
        var stay = new double[states, states];
        var land = new double[states, states];
        var drift = new double[states];
        var seen = new int[states];
        int transitions = 0, moves = 0;
        int? previous = null, previousMirror = null;
        var previousMid = 0m;
        foreach (var top in tops)
        {
            var s = MicroPrice.SpreadTicks(top, tick);
            if (s < 1 || s > options.MaxSpreadTicks)
            {
                continue;
            }

            var state = State(s, MicroPrice.Bucket(top.BidSize, top.AskSize, n), n);
            var mirror = State(s, MicroPrice.Bucket(top.AskSize, top.BidSize, n), n);
            if (previous is { } x && previousMirror is { } xm)
            {
                var dM = (double)((top.Mid - previousMid) / tick);
                Count(x, state, dM);
                Count(xm, mirror, -dM);
                transitions++;
                moves += dM == 0.0 ? 0 : 1;
            }

            (previous, previousMirror, previousMid) = (state, mirror, top.Mid);
        }

        if (transitions == 0)
        {
            return (null, $"no two consecutive books with a spread of 1 to {options.MaxSpreadTicks} ticks");
        }

        // Rows of states seen too rarely are emptied (G = 0 there); columns into them are dropped (the chain ends).
        var used = new bool[states];
        for (var x = 0; x < states; x++)
        {
            used[x] = seen[x] >= options.MinTransitionsPerState;
        }

        var a = new double[states, states];
        var rhs = new double[states, states + 1];
        for (var x = 0; x < states; x++)
        {
            a[x, x] = 1.0;
            if (!used[x])
            {
                continue;
            }

            for (var y = 0; y < states; y++)
            {
                if (used[y])
                {
                    a[x, y] -= stay[x, y] / seen[x];
                    rhs[x, y + 1] = land[x, y] / seen[x];
                }
            }

            rhs[x, 0] = drift[x] / seen[x];
        }

        if (!Solve(a, rhs))
        {
            return (null, "the no-move transitions never leave some states (1 − Q is singular): too little data");
        }

        var g1 = new double[states];
        for (var x = 0; x < states; x++)
        {
            g1[x] = rhs[x, 0];
        }

        var g = (double[])g1.Clone();
        var iterations = 1;
        while (iterations < options.MaxIterations)
        {
            var next = new double[states];
            var change = 0.0;
            for (var x = 0; x < states; x++)
            {
                var sum = g1[x];
                for (var y = 0; y < states; y++)
                {
                    sum += rhs[x, y + 1] * g[y];
                }

                next[x] = sum;
                change = Math.Max(change, Math.Abs(sum - g[x]));
            }

            g = next;
            iterations++;
            if (change < 1e-9)
            {
                break;
            }
        }

        var rows = new List<IReadOnlyList<double>>();
        for (var s = 1; s <= options.MaxSpreadTicks; s++)
        {
            rows.Add([.. Enumerable.Range(0, n).Select(k => Math.Round(g[State(s, k, n)], 6)).Select(v => v == 0.0 ? 0.0 : v)]); // no "-0"
        }

        var mids = tops.Select(t => (double)t.Mid).Order().ToList();
        var fit = new MicroPriceFit(MicroPriceTable.Create(rows), tick, mids[mids.Count / 2], seen, transitions, (double)moves / transitions, iterations);
        return (fit, null);

        void Count(int from, int to, double dM)
        {
            seen[from]++;
            if (dM == 0.0)
            {
                stay[from, to]++;
            }
            else
            {
                land[from, to]++;
                drift[from] += dM;
            }
        }
    }

    private static int State(int spreadTicks, int bucket, int buckets) => ((spreadTicks - 1) * buckets) + bucket;

    /// <summary>Solves a·X = rhs in place (Gauss-Jordan with partial pivoting); rhs becomes X. False when a is singular.</summary>
    private static bool Solve(double[,] a, double[,] rhs)
    {
        var size = a.GetLength(0);
        var columns = rhs.GetLength(1);
        for (var c = 0; c < size; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < size; r++)
            {
                if (Math.Abs(a[r, c]) > Math.Abs(a[pivot, c]))
                {
                    pivot = r;
                }
            }

            if (Math.Abs(a[pivot, c]) < 1e-12)
            {
                return false;
            }

            Swap(a, pivot, c, size);
            Swap(rhs, pivot, c, columns);
            var p = a[c, c];
            for (var r = 0; r < size; r++)
            {
                if (r == c || a[r, c] == 0.0)
                {
                    continue;
                }

                var f = a[r, c] / p;
                for (var k = c; k < size; k++)
                {
                    a[r, k] -= f * a[c, k];
                }

                for (var k = 0; k < columns; k++)
                {
                    rhs[r, k] -= f * rhs[c, k];
                }
            }
        }

        for (var r = 0; r < size; r++)
        {
            for (var k = 0; k < columns; k++)
            {
                rhs[r, k] /= a[r, r];
            }
        }

        return true;
    }

    private static void Swap(double[,] m, int i, int j, int columns)
    {
        if (i == j)
        {
            return;
        }

        for (var k = 0; k < columns; k++)
        {
            (m[i, k], m[j, k]) = (m[j, k], m[i, k]);
        }
    }
}
