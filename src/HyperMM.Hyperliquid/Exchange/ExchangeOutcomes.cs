using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Json;
using HyperMM.Hyperliquid.Transport;

namespace HyperMM.Hyperliquid.Exchange;

/// <summary>Maps HTTP results and venue statuses to typed outcomes. Shared by the HTTP and the WebSocket roads.</summary>
public static class ExchangeOutcomes
{
    /// <summary>One /exchange HTTP result → whole-action outcome. Nothing here is ever retried.</summary>
    public static ActionOutcome FromHttp(HttpResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Outcome)
        {
            case HttpOutcome.Success:
                return FromBody(result.Body.Span);
            case HttpOutcome.RateLimited:
                return ActionOutcome.Refused(RejectReason.HttpRateLimited, "HTTP 429 from /exchange (IP rate limit)");
            case HttpOutcome.ServerError:
                // The venue may or may not have executed the action: report it as ambiguous (Transport), never resend.
                return ActionOutcome.Refused(RejectReason.Transport, $"{result.Error} from /exchange: outcome unknown, look the order up before resending");
            case HttpOutcome.Timeout:
                return ActionOutcome.Refused(RejectReason.Timeout, $"/exchange timed out ({result.Error}): outcome unknown");
            case HttpOutcome.ClientError:
                return ActionOutcome.Refused(RejectReason.Unknown, $"{result.Error} from /exchange: {result.BodyText}");
            default:
                return ActionOutcome.Refused(RejectReason.Transport, $"/exchange connection failed: {result.Error}");
        }
    }

    /// <summary>An HTTP-200 body (or a WS post payload) → whole-action outcome.</summary>
    public static ActionOutcome FromBody(ReadOnlySpan<byte> body)
    {
        ExchangeResponse response;
        try
        {
            response = ExchangeResponse.Parse(body);
        }
        catch (WireFormatException ex)
        {
            return ActionOutcome.Refused(RejectReason.Transport, "unreadable /exchange answer, outcome unknown: " + ex.Message);
        }

        return FromResponse(response);
    }

    public static ActionOutcome FromResponse(ExchangeResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.IsOk
            ? ActionOutcome.Accepted(response)
            : ActionOutcome.Refused(RejectionTable.Classify(response.Error), response.Error, response);
    }

    /// <summary>
    /// One result per requested order. A whole-action refusal, or a single pre-validation error for an n-order
    /// batch (PROTOCOL §2.5), applies to every order.
    /// </summary>
    public static IReadOnlyList<OrderResult> ToOrderResults(ActionOutcome outcome, IReadOnlyList<Cloid?> cloids)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(cloids);
        var results = new OrderResult[cloids.Count];
        var statuses = outcome.Response?.Statuses ?? [];
        for (var i = 0; i < results.Length; i++)
        {
            if (!outcome.Success)
            {
                results[i] = OrderResult.Rejected(outcome.Reason, outcome.Message, cloids[i]);
            }
            else if (statuses.Count == cloids.Count)
            {
                results[i] = ToOrderResult(statuses[i], cloids[i]);
            }
            else if (statuses.Count == 1 && statuses[0].Kind == ExchangeStatusKind.Error)
            {
                results[i] = ToOrderResult(statuses[0], cloids[i]);
            }
            else
            {
                results[i] = OrderResult.Rejected(RejectReason.Unknown, $"venue returned {statuses.Count} statuses for {cloids.Count} orders", cloids[i]);
            }
        }

        return results;
    }

    public static OrderResult ToOrderResult(ExchangeStatus status, Cloid? requested)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Kind switch
        {
            ExchangeStatusKind.Resting => OrderResult.Resting(status.Oid!.Value, status.Cloid ?? requested),
            ExchangeStatusKind.Filled => OrderResult.Filled(status.Oid!.Value, status.Cloid ?? requested, status.TotalSz, status.AvgPx),
            ExchangeStatusKind.Error => OrderResult.Rejected(RejectionTable.Classify(status.Error), status.Error, requested),

            // Trigger orders: accepted, no oid yet.
            ExchangeStatusKind.WaitingForFill or ExchangeStatusKind.WaitingForTrigger => OrderResult.Resting(default, requested),
            _ => OrderResult.Rejected(RejectReason.Unknown, $"unexpected status {status.Kind} for an order", requested),
        };
    }

    /// <summary>One result per requested cancel.</summary>
    public static IReadOnlyList<CancelResult> ToCancelResults(ActionOutcome outcome, int count)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var results = new CancelResult[count];
        var statuses = outcome.Response?.Statuses ?? [];
        for (var i = 0; i < count; i++)
        {
            var status = statuses.Count == count ? statuses[i] : statuses.Count == 1 ? statuses[0] : null;
            results[i] = !outcome.Success
                ? CancelResult.Failed(outcome.Reason, outcome.Message)
                : status is null
                    ? CancelResult.Failed(RejectReason.Unknown, $"venue returned {statuses.Count} statuses for {count} cancels")
                    : status.Kind == ExchangeStatusKind.Success
                        ? CancelResult.Ok
                        : CancelResult.Failed(RejectionTable.Classify(status.Error), status.Error);
        }

        return results;
    }
}
