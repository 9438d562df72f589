using HyperMM.LocalExchange.Faults;
using Microsoft.AspNetCore.Http;

namespace HyperMM.LocalExchange.Http;

/// <summary>Applies the HTTP fault switches to one request before the venue sees it.</summary>
public static class FaultGate
{
    /// <summary>Returns a reply to send instead of processing the request, or null to go on.</summary>
    public static async Task<VenueReply?> ApplyAsync(FaultSwitches faults, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(faults);
        switch (faults.NextHttpFault())
        {
            case HttpFault.TooManyRequests:
                return VenueReply.Text(StatusCodes.Status429TooManyRequests, "429 Too Many Requests");
            case HttpFault.ServerError:
                return VenueReply.Text(StatusCodes.Status500InternalServerError, "500 Internal Server Error (injected fault)");
            case HttpFault.Delay:
                await Task.Delay(faults.HttpDelay, time, cancellationToken).ConfigureAwait(false);
                return null;
            default:
                return null;
        }
    }
}
