using System.Globalization;
using HyperMM.Core.Instruments;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Actions;
using HyperMM.Hyperliquid.Exchange;
using HyperMM.Hyperliquid.Json;
using HyperMM.Hyperliquid.Signing;
using HyperMM.LocalExchange.Http;
using HyperMM.LocalExchange.Json;
using HyperMM.LocalExchange.Limits;
using HyperMM.Simulation.Matching;

namespace HyperMM.LocalExchange;

/// <summary>
/// POST /exchange: parse, recover the signer exactly as the venue does (outside the lock), then under the lock:
/// signer → trading account (master or its agent), nonce rules, address budget, and the action itself.
/// </summary>
public sealed partial class LocalVenue
{
    /// <summary>The text of a cancel refused by fault injection (FaultSwitches.RejectNextCancels).</summary>
    private const string RefusedCancel = "Cancel refused by the local exchange's fault injection.";

    private readonly Dictionary<long, TimeInForce> _tifByOid = [];
    private long _acceptedActions;

    /// <summary>Actions that passed authentication, nonce and budget checks (for the load report).</summary>
    public long AcceptedActions => Interlocked.Read(ref _acceptedActions);

    public VenueReply Exchange(ReadOnlySpan<byte> body, string remoteIp)
    {
        ExchangeRequest request;
        try
        {
            request = ExchangeRequestJson.Parse(body);
        }
        catch (FormatException ex)
        {
            return VenueReply.Text(422, BadBody + ": " + ex.Message);
        }

        if (!IpLimiter.TryCharge(remoteIp, IpWeightLimiter.ExchangeWeight(BatchLength(request.Action))))
        {
            return TooManyRequests();
        }

        return VenueReply.Json(Execute(request));
    }

    /// <summary>Runs one parsed, signed request; the JSON answer.</summary>
    public byte[] Execute(ExchangeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.EnvelopeError(IsMainnet) is { } envelopeError)
        {
            return Err(envelopeError);
        }

        Address signer;
        try
        {
            signer = request.RecoverSigner(IsMainnet);
        }
        catch (FormatException)
        {
            return Err("Unable to recover signer.");
        }

        var now = NowMs;
        if (request.ExpiresAfter is { } expiresAfter && expiresAfter < now)
        {
            return Err(string.Create(CultureInfo.InvariantCulture, $"Action expired: expiresAfter {expiresAfter} < {now}"));
        }

        lock (Gate)
        {
            Engine.AdvanceTime();
            if (request.Action is ApproveAgentAction approve)
            {
                return ApproveAgent(signer, approve, request.Nonce, now);
            }

            if (Directory.ResolveTradingAccount(signer, now) is not { } account)
            {
                return Err($"User or API Wallet {signer.Hex} does not exist.");
            }

            if (request.VaultAddress is { } vault)
            {
                return Err($"Vault not registered: {vault.Hex}");
            }

            if (Nonces.Check(signer, request.Nonce, now) is { } nonceError)
            {
                return Err(nonceError);
            }

            var volume = Engine.GetAccount(account).CumulativeVolumeUsd;
            var isCancel = request.Action is CancelAction or CancelByCloidAction;
            if (Budget.TryCharge(account, BatchLength(request.Action), isCancel, volume) is { } budgetError)
            {
                return Err(budgetError);
            }

            Nonces.Record(signer, request.Nonce);
            Interlocked.Increment(ref _acceptedActions);
            return Dispatch(account, request.Action);
        }
    }

    private byte[] Dispatch(Address account, HyperliquidAction action)
    {
        switch (action)
        {
            case OrderAction order:
                return ExchangeResponse.Order([.. order.Orders.Select(o => VenueModels.Status(Place(account, o)))]).ToUtf8();
            case CancelAction cancel:
                return ExchangeResponse.Cancel([.. cancel.Cancels.Select(c => VenueModels.Status(Faults.TakeCancelRejection()
                    ? CancelResult.Failed(RejectReason.Unknown, VenueErrors.WithAsset(RefusedCancel, c.Asset))
                    : Instrument(c.Asset.Value) is { } spec
                    ? Engine.Cancel(account, spec.Coin, c.Oid)
                    : CancelResult.Failed(RejectReason.OrderNotFound, VenueErrors.WithAsset(VenueErrors.MissingOrder, c.Asset))))]).ToUtf8();
            case CancelByCloidAction cancelByCloid:
                return ExchangeResponse.Cancel([.. cancelByCloid.Cancels.Select(c => VenueModels.Status(Faults.TakeCancelRejection()
                    ? CancelResult.Failed(RejectReason.Unknown, VenueErrors.WithAsset(RefusedCancel, c.Asset))
                    : Instrument(c.Asset.Value) is { } spec
                    ? Engine.CancelByCloid(account, spec.Coin, c.Cloid)
                    : CancelResult.Failed(RejectReason.OrderNotFound, VenueErrors.WithAsset(VenueErrors.MissingOrder, c.Asset))))]).ToUtf8();
            case ModifyAction modify:
                {
                    var result = Modify(account, modify.Oid, modify.Order);
                    return result.IsAccepted ? Ok : Err(result.Message ?? VenueErrors.MissingOrder);
                }

            case BatchModifyAction batch:
                return ExchangeResponse.Order([.. batch.Modifies.Select(m => VenueModels.Status(Modify(account, m.Oid, m.Order)))]).ToUtf8();
            case ScheduleCancelAction schedule:
                {
                    var result = Engine.ScheduleCancel(account, schedule.Time);
                    return result.Success ? Ok : Err(result.Message ?? "Scheduled cancel refused.");
                }

            case UpdateLeverageAction leverage:
                {
                    var error = Instrument(leverage.Asset.Value) is { } spec
                        ? Engine.SetLeverage(account, spec.Coin, leverage.Leverage, leverage.IsCross)
                        : VenueErrors.InvalidLeverage;
                    return error is null ? Ok : Err(error);
                }

            case NoopAction:
                return Ok;
            default:
                return Err($"Action type {action.Type} is not supported by the local exchange.");
        }
    }

    private OrderResult Place(Address account, OrderWire wire)
    {
        if (Validate(wire, out var spec, out var tif) is { } rejected)
        {
            return rejected;
        }

        if (Faults.TakeOrderRejection())
        {
            return OrderResult.Rejected(RejectReason.InsufficientMargin, VenueErrors.WithAsset(VenueErrors.InsufficientMargin, spec!.AssetId), wire.Cloid);
        }

        var result = Engine.Place(account, ToRequest(spec!, wire, tif));
        Remember(result, tif);
        return result;
    }

    private OrderResult Modify(Address account, OrderRef target, OrderWire wire)
    {
        if (Validate(wire, out var spec, out var tif) is { } rejected)
        {
            return rejected;
        }

        if (Faults.TakeOrderRejection())
        {
            return OrderResult.Rejected(RejectReason.InsufficientMargin, VenueErrors.WithAsset(VenueErrors.InsufficientMargin, spec!.AssetId), wire.Cloid);
        }

        var result = Engine.Modify(account, new ModifyRequest(target.Oid, target.Cloid, ToRequest(spec!, wire, tif)));
        Remember(result, TimeInForce.Alo);
        return result;
    }

    private static OrderResult? Validate(OrderWire wire, out InstrumentSpec? spec, out TimeInForce tif)
    {
        spec = Instrument(wire.Asset.Value);
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

    private TimeInForce? TifOf(Address user, OrderId oid)
    {
        _ = user;
        lock (Gate)
        {
            return _tifByOid.TryGetValue(oid.Value, out var tif) ? tif : null;
        }
    }

    private byte[] ApproveAgent(Address signer, ApproveAgentAction approve, long nonce, long now)
    {
        if (!Directory.IsMaster(signer))
        {
            return Err(Directory.RoleOf(signer, out _) == Accounts.AccountRole.Agent
                ? "Agent cannot approve another agent."
                : $"Must deposit before performing actions. User: {signer.Hex}");
        }

        if (Nonces.Check(signer, nonce, now) is { } nonceError)
        {
            return Err(nonceError);
        }

        var (name, validUntil) = ParseAgentName(approve.SignedAgentName);
        if (Directory.Approve(signer, approve.AgentAddress, name, validUntil) is { } error)
        {
            return Err(error);
        }

        Nonces.Record(signer, nonce);
        Interlocked.Increment(ref _acceptedActions);
        return Ok;
    }

    /// <summary>"name valid_until 1700000000000" → (name, expiry); plain names never expire.</summary>
    public static (string Name, long? ValidUntil) ParseAgentName(string agentName)
    {
        const string marker = " valid_until ";
        var at = agentName.LastIndexOf(marker, StringComparison.Ordinal);
        if (at >= 0 && long.TryParse(agentName.AsSpan(at + marker.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var until))
        {
            return (agentName[..at], until);
        }

        return (agentName, null);
    }

    private static readonly byte[] Ok = ExchangeResponse.Default.ToUtf8();

    private static byte[] Err(string message) => ExchangeResponse.Err(message).ToUtf8();

    private static int BatchLength(HyperliquidAction action) => action switch
    {
        OrderAction o => o.Orders.Count,
        CancelAction c => c.Cancels.Count,
        CancelByCloidAction c => c.Cancels.Count,
        BatchModifyAction b => b.Modifies.Count,
        _ => 1,
    };
}
