using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Cli.Hosting;

/// <summary>
/// What a sweep of one strategy achieved, checked on the venue: how many orders it cancelled and which of ours the
/// venue still lists (empty: none left), with the venue's last refusal.
/// </summary>
public sealed record SweepOutcome(string Strategy, Address Account, int Cancelled, IReadOnlyList<OpenOrder> Left, string? Refusal)
{
    public bool Clean => Left.Count == 0;
}
