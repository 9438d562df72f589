namespace HyperMM.Simulation.Paper;

/// <summary>One row of the paper's table: average spread, profit mean/std, final inventory mean/std.</summary>
public sealed record As2008StrategyResult(string Strategy, double AverageSpread, double MeanProfit, double StdProfit, double MeanFinalInventory, double StdFinalInventory);
