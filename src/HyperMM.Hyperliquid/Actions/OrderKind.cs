using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Actions;

/// <summary>The <c>t</c> field of an order wire: a limit order or a trigger order.</summary>
public abstract record OrderKind
{
    public abstract void Write(IWireWriter writer);
}
