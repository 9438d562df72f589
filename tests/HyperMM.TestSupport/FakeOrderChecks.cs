using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.TestSupport;

/// <summary>The order checks of <see cref="FakeExchange"/>, in the venue's order (docs/SIMULATION.md §1): first failure wins.</summary>
internal static class FakeOrderChecks
{
    public static OrderResult? Refusal(InstrumentSpec instrument, OrderRequest order, OrderBookSnapshot? book)
    {
        if (order.Coin != instrument.Coin)
        {
            return OrderResult.Rejected(RejectReason.Unknown, "Unknown asset.", order.Cloid);
        }

        if (order.Size == 0m)
        {
            return OrderResult.Rejected(RejectReason.ZeroSize, "Order has zero size.", order.Cloid);
        }

        if (!instrument.IsValidSize(order.Size))
        {
            return OrderResult.Rejected(RejectReason.InvalidSize, "Order has invalid size.", order.Cloid);
        }

        if (order.Price <= 0m)
        {
            return OrderResult.Rejected(RejectReason.InvalidPrice, "Order has invalid price.", order.Cloid);
        }

        if (!instrument.IsValidPrice(order.Price))
        {
            return OrderResult.Rejected(RejectReason.TickSize, "Price must be divisible by tick size.", order.Cloid);
        }

        if (!instrument.MeetsMinNotional(order.Price, order.Size))
        {
            return OrderResult.Rejected(RejectReason.MinNotional, "Order must have minimum value of $10.", order.Cloid);
        }

        var opposite = order.Side == Side.Buy ? book?.Asks : book?.Bids;
        var crosses = opposite is { Count: > 0 } levels && (order.Side == Side.Buy ? order.Price >= levels[0].Price : order.Price <= levels[0].Price);
        if (order.Tif == TimeInForce.Alo && crosses)
        {
            return OrderResult.Rejected(RejectReason.PostOnlyWouldCross, "Post only order would have immediately matched.", order.Cloid);
        }

        if (order.Tif == TimeInForce.Ioc && !crosses)
        {
            return OrderResult.Rejected(RejectReason.IocNoMatch, "Order could not immediately match against any resting orders.", order.Cloid);
        }

        return null;
    }
}
