using HyperMM.Core.Trading;

namespace HyperMM.Hyperliquid.Exchange;

/// <summary>
/// How one /exchange request ended as a whole: accepted (<see cref="Response"/> holds the statuses) or refused /
/// lost, with a reason from <see cref="RejectionTable"/> or the transport. <see cref="RejectReason.Timeout"/> and
/// <see cref="RejectReason.Transport"/> (also used for 5xx) are ambiguous: the action may have landed.
/// </summary>
public sealed record ActionOutcome(bool Success, RejectReason Reason, string? Message, ExchangeResponse? Response)
{
    public static ActionOutcome Accepted(ExchangeResponse response) => new(true, RejectReason.None, null, response);

    public static ActionOutcome Refused(RejectReason reason, string? message, ExchangeResponse? response = null) => new(false, reason, message, response);

    public bool IsAmbiguous => Reason.IsAmbiguous();

    public CancelResult ToCancelResult() => Success ? CancelResult.Ok : CancelResult.Failed(Reason, Message);
}
