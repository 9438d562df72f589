namespace HyperMM.Core.Trading;

/// <summary>
/// What <see cref="OwnOrders.CancelAndConfirmAsync"/> achieved, checked on the venue: how many of our orders it
/// cancelled (or found already gone) and which of ours the venue still lists, with the venue's last refusal.
/// </summary>
public sealed record OwnOrdersSweep(int Cancelled, IReadOnlyList<OpenOrder> Left, string? Refusal)
{
    public bool Clean => Left.Count == 0;
}
