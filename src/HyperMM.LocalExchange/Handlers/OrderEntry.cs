using HyperMM.Core.Instruments;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Actions;
using HyperMM.LocalExchange.Market;
using HyperMM.Simulation.Matching;

namespace HyperMM.LocalExchange.Handlers;

/// <summary>
/// Orders, modifies and cancels of an authenticated account, from wire form to the matching engine (with the
/// fault switches' refusals), and the time in force each accepted order was sent with (orderStatus reports it).
/// Called under the venue's lock.
/// </summary>
internal sealed class OrderEntry(VenueContext venue)
{
    /// <summary>The text of a cancel refused by fault injection (FaultSwitches.RejectNextCancels).</summary>
    private const string RefusedCancel = "Cancel refused by the local exchange's fault injection.";

    private readonly Dictionary<long, TimeInForce> _tifByOid = [];

    public OrderResult Place(Address account, OrderWire wire)
    {
        if (Validate(wire, out var spec, out var tif) is { } rejected)
        {
            return rejected;
        }

        if (venue.Faults.TakeOrderRejection())
        {
            return OrderResult.Rejected(RejectReason.InsufficientMargin, VenueErrors.WithAsset(VenueErrors.InsufficientMargin, spec!.AssetId), wire.Cloid);
        }

        var result = venue.Engine.Place(account, ToRequest(spec!, wire, tif));
        Remember(result, tif);
        return result;
    }

    public OrderResult Modify(Address account, OrderRef target, OrderWire wire)
    {
        if (Validate(wire, out var spec, out var tif) is { } rejected)
        {
            return rejected;
        }

        if (venue.Faults.TakeOrderRejection())
        {
            return OrderResult.Rejected(RejectReason.InsufficientMargin, VenueErrors.WithAsset(VenueErrors.InsufficientMargin, spec!.AssetId), wire.Cloid);
        }

        var result = venue.Engine.Modify(account, new ModifyRequest(target.Oid, target.Cloid, ToRequest(spec!, wire, tif)));
        Remember(result, TimeInForce.Alo);
        return result;
    }

    /// <summary>Cancels by oid, or by cloid when <paramref name="oid"/> is null.</summary>
    public CancelResult Cancel(Address account, AssetId asset, OrderId? oid, Cloid? cloid)
    {
        if (venue.Faults.TakeCancelRejection())
        {
            return CancelResult.Failed(RejectReason.Unknown, VenueErrors.WithAsset(RefusedCancel, asset));
        }

        if (LocalMarkets.ByAsset(asset.Value) is not { } spec)
        {
            return CancelResult.Failed(RejectReason.OrderNotFound, VenueErrors.WithAsset(VenueErrors.MissingOrder, asset));
        }

        return oid is { } id ? venue.Engine.Cancel(account, spec.Coin, id) : venue.Engine.CancelByCloid(account, spec.Coin, cloid ?? default);
    }

    /// <summary>The time in force an order was sent with, when it was accepted here.</summary>
    public TimeInForce? TifOf(OrderId oid)
    {
        lock (venue.Gate)
        {
            return _tifByOid.TryGetValue(oid.Value, out var tif) ? tif : null;
        }
    }

    private static OrderResult? Validate(OrderWire wire, out InstrumentSpec? spec, out TimeInForce tif)
    {
        spec = LocalMarkets.ByAsset(wire.Asset.Value);
        tif = TimeInForce.Gtc;
        if (spec is null)
        {
            return OrderResult.Rejected(RejectReason.Unknown, "Invalid asset " + wire.Asset.ToString() + ".", wire.Cloid);
        }

        if (wire.Kind is not LimitOrderKind limit)
        {
            return OrderResult.Rejected(RejectReason.InvalidTriggerPrice, VenueErrors.WithAsset("Trigger orders are not supported by the local exchange.", spec.AssetId), wire.Cloid);
        }

        tif = limit.Tif;
        return null;
    }

    /// <summary>The engine's order; a FrontendMarket order (the web UI's market order) matches as Ioc.</summary>
    private static OrderRequest ToRequest(InstrumentSpec spec, OrderWire wire, TimeInForce tif) =>
        new(spec.Coin, wire.IsBuy ? Side.Buy : Side.Sell, wire.Price, wire.Size, tif == TimeInForce.FrontendMarket ? TimeInForce.Ioc : tif, wire.ReduceOnly, wire.Cloid);

    /// <summary>Keeps the tif as sent for every order that got an id (orderStatus reports it after a fill too).</summary>
    private void Remember(OrderResult result, TimeInForce tif)
    {
        if (result.Kind is OrderResultKind.Resting or OrderResultKind.Filled)
        {
            _tifByOid[result.OrderId.Value] = tif;
        }
    }
}
