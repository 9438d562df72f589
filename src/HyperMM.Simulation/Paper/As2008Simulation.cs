namespace HyperMM.Simulation.Paper;

/// <summary>
/// Monte Carlo of Avellaneda &amp; Stoikov (2008): the inventory strategy (quotes around the reservation price
/// r = s − q·γσ²(T − t) with spread γσ²(T − t) + (2/γ)ln(1 + γ/k)) against a symmetric strategy quoting the same
/// average spread around the mid. Both see the same random numbers: one mid move and one uniform per side per step.
/// Per step: quotes from the current state, fills tested with those quotes, then the mid moves. Profit at T is
/// cash + q·s_T.
/// </summary>
public static class As2008Simulation
{
    public static (As2008StrategyResult Inventory, As2008StrategyResult Symmetric) Run(As2008Parameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p.Runs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p.Gamma);
        var random = new Random(p.Seed);
        var symmetricHalf = p.AverageSpread / 2.0;
        var move = p.Sigma * Math.Sqrt(p.Dt);
        var inventory = new Book(p.Runs);
        var symmetric = new Book(p.Runs);
        for (var run = 0; run < p.Runs; run++)
        {
            var s = p.S0;
            double qi = 0, ci = 0, qs = 0, cs = 0;
            for (var i = 0; i < p.Steps; i++)
            {
                var t = i * p.Dt;
                var uBid = random.NextDouble();
                var uAsk = random.NextDouble();
                var up = random.NextDouble() < 0.5;

                var reservation = s - (qi * p.Gamma * p.Sigma * p.Sigma * (p.T - t));
                var half = p.SpreadAt(t) / 2.0;
                Trade(p, s, reservation - half, reservation + half, uBid, uAsk, ref qi, ref ci);
                Trade(p, s, s - symmetricHalf, s + symmetricHalf, uBid, uAsk, ref qs, ref cs);

                s += up ? move : -move;
            }

            inventory.Add(run, ci + (qi * s), qi);
            symmetric.Add(run, cs + (qs * s), qs);
        }

        return (inventory.Result("inventory", p.AverageSpread), symmetric.Result("symmetric", p.AverageSpread));
    }

    private static void Trade(As2008Parameters p, double s, double bid, double ask, double uBid, double uAsk, ref double q, ref double cash)
    {
        if (uBid < Math.Min(1.0, p.A * Math.Exp(-p.K * (s - bid)) * p.Dt))
        {
            q += 1;
            cash -= bid;
        }

        if (uAsk < Math.Min(1.0, p.A * Math.Exp(-p.K * (ask - s)) * p.Dt))
        {
            q -= 1;
            cash += ask;
        }
    }

    private sealed class Book(int runs)
    {
        private readonly double[] _profit = new double[runs];
        private readonly double[] _inventory = new double[runs];

        public void Add(int run, double profit, double inventory)
        {
            _profit[run] = profit;
            _inventory[run] = inventory;
        }

        public As2008StrategyResult Result(string name, double spread) =>
            new(name, spread, _profit.Average(), Std(_profit), _inventory.Average(), Std(_inventory));

        private static double Std(double[] values)
        {
            var mean = values.Average();
            return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, values.Length - 1));
        }
    }
}
