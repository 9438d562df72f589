using HyperMM.Core.Primitives;

namespace HyperMM.Core.Trading;

/// <summary>Replace a resting order (by oid, or by cloid when the oid is not known) with <see cref="Order"/>.</summary>
public sealed record ModifyRequest(OrderId? OrderId, Cloid? TargetCloid, OrderRequest Order);
