namespace HyperMM.LocalExchange.Http;

/// <summary>The venue behind the HTTP endpoints: /info and /exchange bodies in, replies out.</summary>
public interface IVenueHandlers
{
    /// <summary>Answers a POST /info body. Charges the IP weight itself (it depends on the request type and result).</summary>
    VenueReply Info(ReadOnlySpan<byte> body, string remoteIp);

    /// <summary>Answers a POST /exchange body.</summary>
    VenueReply Exchange(ReadOnlySpan<byte> body, string remoteIp);
}
