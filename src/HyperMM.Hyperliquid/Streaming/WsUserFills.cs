using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Info;

namespace HyperMM.Hyperliquid.Streaming;

/// <summary>
/// Channel <c>userFills</c>: the first message after (re)subscribing is the snapshot (<see cref="IsSnapshot"/>).
/// The client removes fills whose <c>tid</c> it has already delivered.
/// </summary>
public sealed record WsUserFills(Address? User, bool IsSnapshot, IReadOnlyList<UserFill> Fills) : WsMessage
{
    public override string Channel => "userFills";
}
