using System.Globalization;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Actions;
using HyperMM.Hyperliquid.Exchange;
using HyperMM.Hyperliquid.Json;
using HyperMM.Hyperliquid.Signing;
using HyperMM.LocalExchange.Http;
using HyperMM.LocalExchange.Json;
using HyperMM.LocalExchange.Limits;
using HyperMM.Simulation.Matching;
using static HyperMM.LocalExchange.Handlers.VenueTexts;

namespace HyperMM.LocalExchange.Handlers;

/// <summary>
/// POST /exchange (and the WebSocket's <c>action</c> posts): parse, recover the signer exactly as the venue does
/// (outside the lock), then under the lock: signer → trading account (master or its agent), nonce rules, address
/// budget, and the action itself.
/// </summary>
internal sealed class ActionHandler(VenueContext venue, OrderEntry orders)
{
    private readonly AgentApprovalAction _agents = new(venue);
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

        if (!venue.IpLimiter.TryCharge(remoteIp, IpWeightLimiter.ExchangeWeight(BatchLength(request.Action))))
        {
            return TooManyRequests();
        }

        return VenueReply.Json(Execute(request));
    }

    /// <summary>Runs one parsed, signed request; the JSON answer.</summary>
    public byte[] Execute(ExchangeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.EnvelopeError(venue.IsMainnet) is { } envelopeError)
        {
            return Err(envelopeError);
        }

        Address signer;
        try
        {
            signer = request.RecoverSigner(venue.IsMainnet);
        }
        catch (FormatException)
        {
            return Err("Unable to recover signer.");
        }

        var now = venue.NowMs;
        if (request.ExpiresAfter is { } expiresAfter && expiresAfter < now)
        {
            return Err(string.Create(CultureInfo.InvariantCulture, $"Action expired: expiresAfter {expiresAfter} < {now}"));
        }

        lock (venue.Gate)
        {
            venue.Engine.AdvanceTime();
            if (request.Action is ApproveAgentAction approve)
            {
                if (_agents.Approve(signer, approve, request.Nonce, now) is { } refused)
                {
                    return Err(refused);
                }

                Interlocked.Increment(ref _acceptedActions);
                return Ok;
            }

            if (venue.Directory.ResolveTradingAccount(signer, now) is not { } account)
            {
                return Err($"User or API Wallet {signer.Hex} does not exist.");
            }

            if (request.VaultAddress is { } vault)
            {
                return Err($"Vault not registered: {vault.Hex}");
            }

            if (venue.Nonces.Check(signer, request.Nonce, now) is { } nonceError)
            {
                return Err(nonceError);
            }

            var volume = venue.Engine.GetAccount(account).CumulativeVolumeUsd;
            var isCancel = request.Action is CancelAction or CancelByCloidAction;
            if (venue.Budget.TryCharge(account, BatchLength(request.Action), isCancel, volume) is { } budgetError)
            {
                return Err(budgetError);
            }

            venue.Nonces.Record(signer, request.Nonce);
            Interlocked.Increment(ref _acceptedActions);
            return Dispatch(account, request.Action);
        }
    }

    private byte[] Dispatch(Address account, HyperliquidAction action)
    {
        switch (action)
        {
            case OrderAction order:
                return ExchangeResponse.Order([.. order.Orders.Select(o => VenueModels.Status(orders.Place(account, o)))]).ToUtf8();
            case CancelAction cancel:
                return ExchangeResponse.Cancel([.. cancel.Cancels.Select(c => VenueModels.Status(orders.Cancel(account, c.Asset, c.Oid, null)))]).ToUtf8();
            case CancelByCloidAction cancelByCloid:
                return ExchangeResponse.Cancel([.. cancelByCloid.Cancels.Select(c => VenueModels.Status(orders.Cancel(account, c.Asset, null, c.Cloid)))]).ToUtf8();
            case ModifyAction modify:
                {
                    var result = orders.Modify(account, modify.Oid, modify.Order);
                    return result.IsAccepted ? Ok : Err(result.Message ?? VenueErrors.MissingOrder);
                }

            case BatchModifyAction batch:
                return ExchangeResponse.Order([.. batch.Modifies.Select(m => VenueModels.Status(orders.Modify(account, m.Oid, m.Order)))]).ToUtf8();
            case ScheduleCancelAction schedule:
                {
                    var result = venue.Engine.ScheduleCancel(account, schedule.Time);
                    return result.Success ? Ok : Err(result.Message ?? "Scheduled cancel refused.");
                }

            case UpdateLeverageAction leverage:
                {
                    var error = Market.LocalMarkets.ByAsset(leverage.Asset.Value) is { } spec
                        ? venue.Engine.SetLeverage(account, spec.Coin, leverage.Leverage, leverage.IsCross)
                        : VenueErrors.InvalidLeverage;
                    return error is null ? Ok : Err(error);
                }

            case NoopAction:
                return Ok;
            default:
                return Err($"Action type {action.Type} is not supported by the local exchange.");
        }
    }
}
