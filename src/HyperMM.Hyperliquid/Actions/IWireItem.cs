using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Actions;

/// <summary>One element of an action's list (a cancel, a cancel by cloid) that writes itself in the venue's key order.</summary>
public interface IWireItem
{
    void Write(IWireWriter writer);
}
