namespace HyperMM.Simulation.Paper;

/// <summary>
/// The experiment of Avellaneda &amp; Stoikov (2008), §4: s0 = 100, T = 1, σ = 2, dt = 0.005, q0 = 0, k = 1.5,
/// A = 140; fills with probability A·e^(−k·δ)·dt per step and side; the mid moves ±σ√dt with probability ½.
/// </summary>
public sealed record As2008Parameters(double Gamma, int Runs = 1000, int Seed = 1)
{
    public double S0 { get; init; } = 100.0;

    public double T { get; init; } = 1.0;

    public double Sigma { get; init; } = 2.0;

    public double Dt { get; init; } = 0.005;

    public double K { get; init; } = 1.5;

    public double A { get; init; } = 140.0;

    public int Steps => (int)Math.Round(T / Dt);

    /// <summary>The inventory strategy's spread at time t: γσ²(T − t) + (2/γ)·ln(1 + γ/k).</summary>
    public double SpreadAt(double t) => (Gamma * Sigma * Sigma * (T - t)) + (2.0 / Gamma * Math.Log(1.0 + (Gamma / K)));

    /// <summary>The inventory strategy's spread averaged over the steps (it does not depend on the path).</summary>
    public double AverageSpread => Enumerable.Range(0, Steps).Average(i => SpreadAt(i * Dt));
}
