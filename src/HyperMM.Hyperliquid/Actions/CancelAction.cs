namespace HyperMM.Hyperliquid.Actions;

/// <summary><c>{"type":"cancel","cancels":[{"a":asset,"o":oid},…]}</c>, <c>"f":true</c> only when fast.</summary>
public sealed record CancelAction(IReadOnlyList<CancelWire> Cancels, bool Fast = false) : CancelsAction<CancelWire>(Cancels, Fast)
{
    public override string Type => "cancel";
}
