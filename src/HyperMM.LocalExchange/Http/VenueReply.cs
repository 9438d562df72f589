namespace HyperMM.LocalExchange.Http;

/// <summary>An HTTP answer of the venue: status code and UTF-8 JSON (or text) body.</summary>
public readonly record struct VenueReply(int StatusCode, byte[] Body, string ContentType = "application/json")
{
    public static VenueReply Json(byte[] body) => new(200, body);

    public static VenueReply Text(int statusCode, string text) => new(statusCode, System.Text.Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8");
}
