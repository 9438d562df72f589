using HyperMM.Core.Primitives;

namespace HyperMM.Core.Trading;

/// <summary>
/// One of our fills, as the venue reports it. <see cref="TradeId"/> (Hyperliquid <c>tid</c>) is the
/// de-duplication key: snapshots, streams and REST all report the same fill with the same tid.
/// <see cref="Fee"/> is positive for a cost, negative for a rebate, in USDC. <see cref="Crossed"/> = we were the taker.
/// </summary>
public sealed record Fill(
    Coin Coin,
    long TradeId,
    OrderId OrderId,
    Cloid? Cloid,
    Side Side,
    decimal Price,
    decimal Size,
    decimal Fee,
    long TimeMs,
    bool Crossed,
    decimal ClosedPnl,
    decimal StartPosition,
    string? Hash);
