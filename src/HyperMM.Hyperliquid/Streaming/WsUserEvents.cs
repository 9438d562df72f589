using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Info;

namespace HyperMM.Hyperliquid.Streaming;

/// <summary>
/// Channel <c>user</c> (subscription <c>userEvents</c>): one of fills, funding, liquidation, nonUserCancel.
/// <see cref="Kind"/> names which one; the fields of the other kinds are empty.
/// </summary>
public sealed record WsUserEvents(string Kind, IReadOnlyList<UserFill> Fills, IReadOnlyList<(Coin Coin, OrderId Oid)> NonUserCancels, string? RawJson) : WsMessage
{
    public override string Channel => "user";
}
