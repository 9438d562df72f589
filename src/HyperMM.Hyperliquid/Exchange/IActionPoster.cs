using HyperMM.Hyperliquid.Signing;

namespace HyperMM.Hyperliquid.Exchange;

/// <summary>
/// An alternative road for signed actions (the WebSocket <c>post</c>). Returns null when the road is not available
/// (socket down) and the request was therefore not sent, so the HTTP path may be used instead.
/// </summary>
public interface IActionPoster
{
    Task<ActionOutcome?> TryPostAsync(ExchangeRequest request, CancellationToken cancellationToken);
}
