using HyperMM.Core.Trading;

namespace HyperMM.Hyperliquid.Info;

/// <summary>Folds the venue's order status strings (PROTOCOL §1.4) into <see cref="OrderState"/>.</summary>
public static class OrderStates
{
    public static OrderState FromVenueStatus(string status) => status switch
    {
        "open" or "triggered" => OrderState.Open,
        "filled" => OrderState.Filled,
        "canceled" => OrderState.Canceled,
        "rejected" => OrderState.Rejected,
        _ when status.EndsWith("Rejected", StringComparison.Ordinal) => OrderState.Rejected,
        _ => OrderState.OtherTerminal,
    };
}
