using HyperMM.Simulation.Paper;

namespace HyperMM.Simulation.Tests.Paper;

public sealed class As2008SimulationTests
{
    [Fact]
    public void Spread_follows_the_closed_form()
    {
        var p = new As2008Parameters(0.1);

        // t = 0: γσ²T + (2/γ)ln(1 + γ/k) = 0.1·4·1 + 20·ln(1.0666667) = 0.4 + 20·0.0645385 = 1.690770
        Assert.Equal(1.690770, p.SpreadAt(0), 5);
        // average over t_i = 0.005·i, i = 0..199: mean(T − t_i) = 1 − 0.005·199/2 = 0.5025 → 0.1·4·0.5025 + 1.290770 = 1.491770
        Assert.Equal(1.491770, p.AverageSpread, 5);
        Assert.Equal(200, p.Steps);
    }

    [Fact]
    public void Symmetric_profit_matches_the_expected_spread_income()
    {
        // δ = 1.49177 / 2 = 0.745885 each side; fill intensity A·e^(−kδ) = 140·e^(−1.118828) = 140·0.326680 = 45.735 per
        // unit time and side; expected profit = 2 sides · 45.735 · δ · T = 68.23 (the mid is a martingale).
        var (_, symmetric) = As2008Simulation.Run(new As2008Parameters(0.1, Runs: 4000, Seed: 5));

        // standard error ~ 13.7 / √4000 = 0.22; allow ±0.9 (about 4 se)
        Assert.InRange(symmetric.MeanProfit, 68.23 - 0.9, 68.23 + 0.9);
        Assert.InRange(symmetric.MeanFinalInventory, -0.6, 0.6);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.01)]
    [InlineData(1.0)]
    public void Inventory_strategy_has_less_risk_than_the_symmetric_one(double gamma)
    {
        var (inventory, symmetric) = As2008Simulation.Run(new As2008Parameters(gamma, Runs: 1000, Seed: 2));

        // The paper's finding: far smaller dispersion of profit and final inventory, at a lower or similar mean profit.
        Assert.True(inventory.StdProfit < symmetric.StdProfit * 0.8, $"{inventory} vs {symmetric}");
        Assert.True(inventory.StdFinalInventory < symmetric.StdFinalInventory * 0.7, $"{inventory} vs {symmetric}");
        Assert.True(inventory.MeanProfit < symmetric.MeanProfit + 1.0);
        Assert.Equal(inventory.AverageSpread, symmetric.AverageSpread);
    }

    [Fact]
    public void Same_seed_same_table()
    {
        Assert.Equal(As2008Simulation.Run(new As2008Parameters(0.1, 200, 9)), As2008Simulation.Run(new As2008Parameters(0.1, 200, 9)));
        Assert.NotEqual(As2008Simulation.Run(new As2008Parameters(0.1, 200, 9)), As2008Simulation.Run(new As2008Parameters(0.1, 200, 10)));
    }
}
