namespace HyperMM.Simulation.Queue;

/// <summary>
/// The queue models by the names the CLI and the docs use (<c>--queue</c>), and the default. One table, read by the
/// backtest options, the matching engine's options and the command line.
/// </summary>
public static class QueueModels
{
    /// <summary>The default: <c>prob-front3</c>, hftbacktest's PowerProbQueueFunc3 with n = 3 (docs/SIMULATION.md §2 says why).</summary>
    public const string DefaultName = "prob-front3";

    private static readonly (string Name, Func<IQueueModel> Create)[] Table =
    [
        ("risk-averse", () => RiskAverseQueueModel.Instance),
        ("prob-log", () => new ProbabilisticQueueModel(QueueProbability.Log)),
        ("prob-power2", () => new ProbabilisticQueueModel(QueueProbability.Power, 2.0)),
        ("prob-front3", () => new ProbabilisticQueueModel(QueueProbability.FrontSharePower, 3.0)),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. Table.Select(t => t.Name)];

    public static IQueueModel Default { get; } = Create(DefaultName);

    /// <summary>The model called <paramref name="name"/>; <see cref="ArgumentException"/> naming the known ones otherwise.</summary>
    public static IQueueModel Create(string name)
    {
        foreach (var (known, create) in Table)
        {
            if (known == name)
            {
                return create();
            }
        }

        throw new ArgumentException($"unknown model '{name}' ({string.Join(", ", Names)})", nameof(name));
    }
}
