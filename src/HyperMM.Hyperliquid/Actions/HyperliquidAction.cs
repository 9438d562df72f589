using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Actions;

/// <summary>
/// An /exchange action as a typed record. <see cref="Write"/> emits the keys in the venue's hashing order
/// (PROTOCOL §2.2) with optional keys omitted when unset; the same method produces the hashed msgpack and the posted
/// JSON. Parse JSON with <see cref="Json.ActionJson"/>.
/// </summary>
public abstract record HyperliquidAction
{
    /// <summary>The wire <c>type</c> string.</summary>
    public abstract string Type { get; }

    /// <summary>True for user-signed actions (EIP-712 over the fields); false for L1 actions (msgpack + phantom agent).</summary>
    public virtual bool IsUserSigned => false;

    public abstract void Write(IWireWriter writer);
}
