using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Accounts;
using HyperMM.Hyperliquid.Actions;
using HyperMM.Hyperliquid.Json;
using HyperMM.Hyperliquid.Signing;
using HyperMM.Hyperliquid.Transport;

namespace HyperMM.Hyperliquid.Exchange;

/// <summary>
/// Signs and sends /exchange actions for one <see cref="TradingAccount"/>, with nonces from its signer's
/// <see cref="NonceSource"/>. Never retries an order: a 5xx or a timeout is reported as ambiguous (the caller looks
/// the order up by cloid), a 429 as rate-limited (and it closes the transport's <see cref="RateLimitGate"/>). Cancels
/// are the exception: a 429 means the venue did not process them, so they are signed again and resent once the gate
/// opens, within the gate's <see cref="RateLimitGate.MaxWait"/>. When <see cref="Poster"/> is set (WebSocket post) it is tried first and
/// HTTP is used only when the socket could not send.
/// </summary>
public sealed class ExchangeClient
{
    private readonly HttpTransport _transport;
    private readonly HyperliquidEndpoint _endpoint;
    private readonly NonceSource _nonces;
    private readonly TimeProvider _time;
    private readonly TimeSpan? _expiresAfter;

    public ExchangeClient(HttpTransport transport, HyperliquidEndpoint endpoint, TradingAccount account, NonceSource nonces, TimeProvider timeProvider, TimeSpan? expiresAfter = null)
    {
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        _endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        Account = account ?? throw new ArgumentNullException(nameof(account));
        _nonces = nonces ?? throw new ArgumentNullException(nameof(nonces));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _expiresAfter = expiresAfter;
    }

    public TradingAccount Account { get; }

    public HyperliquidEndpoint Endpoint => _endpoint;

    /// <summary>Optional first road for actions (WebSocket post).</summary>
    public IActionPoster? Poster { get; set; }

    /// <summary>Signs <paramref name="action"/> with the next nonce (or <paramref name="nonce"/>), and sends it.</summary>
    public async Task<ActionOutcome> SendAsync(HyperliquidAction action, CancellationToken ct, long? nonce = null)
    {
        var request = Sign(action, nonce ?? _nonces.Next());
        return await PostAsync(request, ct).ConfigureAwait(false);
    }

    /// <summary>Builds the signed request (L1 actions get the account's vault and the optional expiresAfter).</summary>
    public ExchangeRequest Sign(HyperliquidAction action, long nonce)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.IsUserSigned)
        {
            return HyperliquidSigning.Sign(Account.Signer, action, nonce, _endpoint.IsMainnet);
        }

        long? expiresAfter = _expiresAfter is { } window ? _time.GetUtcNow().Add(window).ToUnixTimeMilliseconds() : null;
        return HyperliquidSigning.Sign(Account.Signer, action, nonce, _endpoint.IsMainnet, Account.Vault, expiresAfter);
    }

    public async Task<ActionOutcome> PostAsync(ExchangeRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Poster is { } poster && await poster.TryPostAsync(request, ct).ConfigureAwait(false) is { } viaSocket)
        {
            return viaSocket;
        }

        var http = await _transport.PostJsonAsync(_endpoint.ExchangeUri, ExchangeRequestJson.WriteUtf8(request), ct).ConfigureAwait(false);
        if (http.Outcome == HttpOutcome.RateLimited)
        {
            _transport.RateLimit?.OnRateLimited(http.RetryAfter, "/exchange " + request.Action.Type);
        }

        return ExchangeOutcomes.FromHttp(http);
    }

    /// <summary>Sends an action the venue may safely receive again after a 429 (it was not processed), waiting at the gate.</summary>
    private async Task<ActionOutcome> SendResendingOn429Async(HyperliquidAction action, CancellationToken ct)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            var outcome = await SendAsync(action, ct).ConfigureAwait(false);
            if (outcome.Reason != RejectReason.HttpRateLimited || _transport.RateLimit is not { } gate || _time.GetElapsedTime(started) > gate.MaxWait)
            {
                return outcome;
            }
        }
    }

    public async Task<IReadOnlyList<OrderResult>> PlaceOrdersAsync(IReadOnlyList<OrderWire> orders, CancellationToken ct, OrderGrouping grouping = OrderGrouping.Na)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var outcome = await SendAsync(new OrderAction(orders, grouping), ct).ConfigureAwait(false);
        return ExchangeOutcomes.ToOrderResults(outcome, [.. orders.Select(o => o.Cloid)]);
    }

    public async Task<IReadOnlyList<CancelResult>> CancelAsync(IReadOnlyList<CancelWire> cancels, CancellationToken ct, bool fast = false)
    {
        ArgumentNullException.ThrowIfNull(cancels);
        var outcome = await SendResendingOn429Async(new CancelAction(cancels, fast), ct).ConfigureAwait(false);
        return ExchangeOutcomes.ToCancelResults(outcome, cancels.Count);
    }

    public async Task<IReadOnlyList<CancelResult>> CancelByCloidAsync(IReadOnlyList<CancelByCloidWire> cancels, CancellationToken ct, bool fast = false)
    {
        ArgumentNullException.ThrowIfNull(cancels);
        var outcome = await SendResendingOn429Async(new CancelByCloidAction(cancels, fast), ct).ConfigureAwait(false);
        return ExchangeOutcomes.ToCancelResults(outcome, cancels.Count);
    }

    /// <summary>Single modify: the venue answers <c>default</c> (no new oid); read it from order updates.</summary>
    public Task<ActionOutcome> ModifyAsync(ModifyAction modify, CancellationToken ct) => SendAsync(modify, ct);

    public async Task<IReadOnlyList<OrderResult>> BatchModifyAsync(IReadOnlyList<ModifyWire> modifies, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(modifies);
        var outcome = await SendAsync(new BatchModifyAction(modifies), ct).ConfigureAwait(false);
        return ExchangeOutcomes.ToOrderResults(outcome, [.. modifies.Select(m => m.Order.Cloid)]);
    }

    /// <summary>Sets (or clears with null) the dead-man switch.</summary>
    public Task<ActionOutcome> ScheduleCancelAsync(long? timeMs, CancellationToken ct) => SendAsync(new ScheduleCancelAction(timeMs), ct);

    public Task<ActionOutcome> UpdateLeverageAsync(AssetId asset, bool isCross, int leverage, CancellationToken ct)
        => SendAsync(new UpdateLeverageAction(asset, isCross, leverage), ct);

    /// <summary>Marks a nonce as used; pass the nonce of an in-flight action to kill it.</summary>
    public Task<ActionOutcome> NoopAsync(CancellationToken ct, long? nonce = null) => SendAsync(new NoopAction(), ct, nonce);

    /// <summary>Approves an API wallet. Must be signed by the master key itself (an agent cannot approve agents).</summary>
    public Task<ActionOutcome> ApproveAgentAsync(Address agent, string? name, CancellationToken ct)
    {
        if (Account.IsAgent)
        {
            throw new InvalidOperationException("approveAgent must be signed with the master account's key, not with an agent key.");
        }

        var nonce = _nonces.Next();
        return SendAsync(new ApproveAgentAction(_endpoint.IsMainnet, agent, name, nonce), ct, nonce);
    }
}
