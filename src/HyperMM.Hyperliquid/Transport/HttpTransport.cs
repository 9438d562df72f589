using System.Net.Http.Headers;

namespace HyperMM.Hyperliquid.Transport;

/// <summary>
/// POSTs JSON to the venue. Turns every way a request can end into an <see cref="HttpResult"/>; only the caller's
/// own cancellation throws (<see cref="OperationCanceledException"/>). No retries here: whether a retry is safe
/// depends on the endpoint (see InfoClient / ExchangeClient).
/// </summary>
public sealed class HttpTransport
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    /// <param name="http">A client whose own Timeout is infinite or larger than <paramref name="timeout"/>.</param>
    /// <param name="timeout">Per-request timeout.</param>
    /// <param name="rateLimit">
    /// The venue's weight window as seen by this process: every request waits while it is closed, and a 429 closes
    /// it. Null: no waiting (each caller handles 429 itself).
    /// </param>
    public HttpTransport(HttpClient http, TimeSpan timeout, RateLimitGate? rateLimit = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _timeout = timeout;
        RateLimit = rateLimit;
    }

    public TimeSpan Timeout => _timeout;

    public RateLimitGate? RateLimit { get; }

    public async Task<HttpResult> PostJsonAsync(Uri uri, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (RateLimit is { } gate)
        {
            await gate.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
        }

        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutCts.CancelAfter(_timeout);
        using var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = Json;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeoutCts.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(timeoutCts.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var outcome = status switch
            {
                >= 200 and < 300 => HttpOutcome.Success,
                429 => HttpOutcome.RateLimited,
                >= 500 => HttpOutcome.ServerError,
                _ => HttpOutcome.ClientError,
            };
            if (outcome == HttpOutcome.Success)
            {
                RateLimit?.OnSuccess();
            }

            return new HttpResult(outcome, status, bytes, outcome == HttpOutcome.Success ? null : $"HTTP {status} {response.ReasonPhrase}")
            {
                RetryAfter = RetryAfterOf(response),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HttpResult(HttpOutcome.Timeout, 0, ReadOnlyMemory<byte>.Empty, $"no answer within {_timeout.TotalMilliseconds:0} ms");
        }
        catch (HttpRequestException ex)
        {
            return new HttpResult(HttpOutcome.TransportError, 0, ReadOnlyMemory<byte>.Empty, ex.Message);
        }
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        _ => null,
    };
}
