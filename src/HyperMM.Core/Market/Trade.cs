using HyperMM.Core.Primitives;

namespace HyperMM.Core.Market;

/// <summary>
/// A public trade print. <see cref="AggressorSide"/> is the taker's side (Hyperliquid's <c>side</c>: "B" = a buyer
/// lifted the ask). <see cref="TradeId"/> is the venue's <c>tid</c>.
/// </summary>
public readonly record struct Trade(Coin Coin, long TimeMs, Side AggressorSide, decimal Price, decimal Size, long TradeId);
