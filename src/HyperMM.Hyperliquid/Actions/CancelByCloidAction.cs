namespace HyperMM.Hyperliquid.Actions;

/// <summary><c>{"type":"cancelByCloid","cancels":[{"asset":…,"cloid":…},…]}</c>, <c>"f":true</c> only when fast.</summary>
public sealed record CancelByCloidAction(IReadOnlyList<CancelByCloidWire> Cancels, bool Fast = false) : CancelsAction<CancelByCloidWire>(Cancels, Fast)
{
    public override string Type => "cancelByCloid";
}
