using HyperMM.Core.Primitives;

namespace HyperMM.Core.Trading;

/// <summary>Cancel by venue oid, or by cloid when <see cref="OrderId"/> is null.</summary>
public sealed record CancelRequest(Coin Coin, OrderId? OrderId, Cloid? Cloid);
