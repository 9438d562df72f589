using HyperMM.Core.Primitives;

namespace HyperMM.Core.Strategy;

/// <summary>
/// Position, average entry and PnL under the average-cost method, in decimal. A fill that grows the position moves
/// the average entry; one that shrinks it realises (price - entry) × closed size × sign; one that flips it closes
/// the old position and opens the rest at the fill price. Fees are kept apart (positive = cost).
/// </summary>
public sealed class PositionLedger
{
    public decimal Position { get; private set; }

    public decimal AverageEntryPrice { get; private set; }

    public decimal RealizedPnl { get; private set; }

    public decimal Fees { get; private set; }

    public decimal Volume { get; private set; }

    public decimal UnrealizedPnl(decimal mark) => Position == 0m ? 0m : (mark - AverageEntryPrice) * Position;

    /// <summary>Realised + unrealised - fees.</summary>
    public decimal NetPnl(decimal mark) => RealizedPnl + UnrealizedPnl(mark) - Fees;

    public void Apply(Side side, decimal price, decimal size, decimal fee)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var signed = side.Sign() * size;
        Fees += fee;
        Volume += price * size;
        if (Position == 0m || Math.Sign(Position) == Math.Sign(signed))
        {
            var newPosition = Position + signed;
            AverageEntryPrice = ((AverageEntryPrice * Math.Abs(Position)) + (price * size)) / Math.Abs(newPosition);
            Position = newPosition;
            return;
        }

        var closing = Math.Min(Math.Abs(signed), Math.Abs(Position));
        RealizedPnl += (price - AverageEntryPrice) * closing * Math.Sign(Position);
        var remaining = Position + signed;
        if (remaining == 0m)
        {
            Position = 0m;
            AverageEntryPrice = 0m;
        }
        else if (Math.Sign(remaining) != Math.Sign(Position))
        {
            Position = remaining;
            AverageEntryPrice = price;
        }
        else
        {
            Position = remaining;
        }
    }

    /// <summary>Adopts the venue's view (start-up or resync) without inventing PnL.</summary>
    public void Reset(decimal position, decimal averageEntryPrice)
    {
        Position = position;
        AverageEntryPrice = position == 0m ? 0m : averageEntryPrice;
    }
}
