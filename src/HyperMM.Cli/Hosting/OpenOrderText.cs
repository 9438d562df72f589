using System.Globalization;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Cli.Hosting;

/// <summary>An open order as a trader reads it in a sweep report or a shutdown note.</summary>
public static class OpenOrderText
{
    /// <summary>"B 0.01 ETH @ 4000 (oid 12, cloid 0x…)".</summary>
    public static string Describe(OpenOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return string.Create(CultureInfo.InvariantCulture,
            $"{(order.Side == Side.Buy ? "B" : "A")} {order.Size} {order.Coin} @ {order.Price} (oid {order.OrderId.Value}, cloid {order.Cloid})");
    }
}
