using System.Text;
using System.Text.Json;
using HyperMM.Hyperliquid.Signing;

namespace HyperMM.Hyperliquid.Json;

/// <summary>
/// The /exchange request body both ways: <see cref="Write(ExchangeRequest)"/> for the client,
/// <see cref="Parse(string)"/> for a server (the local exchange), which then calls
/// <see cref="ExchangeRequest.RecoverSigner"/> over the action as received (price and size strings as sent).
/// Written form:
/// <c>{"action":{…},"nonce":n,"signature":{"r":"0x…64","s":"0x…64","v":27},"vaultAddress":null|"0x…"[,"expiresAfter":n]}</c>.
/// </summary>
public static class ExchangeRequestJson
{
    public static void Write(Utf8JsonWriter writer, ExchangeRequest request)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(request);
        writer.WriteStartObject();
        writer.WritePropertyName("action");
        ActionJson.Write(writer, request.Action);
        writer.WriteNumber("nonce", request.Nonce);
        writer.WritePropertyName("signature");
        WriteSignature(writer, request.Signature);
        if (request.VaultAddress is { } vault)
        {
            writer.WriteString("vaultAddress", vault.Hex);
        }
        else
        {
            writer.WriteNull("vaultAddress");
        }

        if (request.ExpiresAfter is { } expiresAfter)
        {
            writer.WriteNumber("expiresAfter", expiresAfter);
        }

        writer.WriteEndObject();
    }

    public static void WriteSignature(Utf8JsonWriter writer, EcdsaSignature signature)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(signature);
        writer.WriteStartObject();
        writer.WriteString("r", signature.R);
        writer.WriteString("s", signature.S);
        writer.WriteNumber("v", signature.V);
        writer.WriteEndObject();
    }

    public static byte[] WriteUtf8(ExchangeRequest request)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, request);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string Write(ExchangeRequest request) => Encoding.UTF8.GetString(WriteUtf8(request));

    public static ExchangeRequest Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <exception cref="WireFormatException">Not JSON, or not a valid request (the message names the field).</exception>
    public static ExchangeRequest Parse(ReadOnlySpan<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new WireFormatException($"request: not valid JSON ({ex.Message})", ex);
        }

        using (document)
        {
            return Parse(document.RootElement);
        }
    }

    public static ExchangeRequest Parse(JsonElement element)
    {
        var fields = new JsonFields(element, "request");
        var actionElement = fields.Required("action");
        var action = ActionJson.Parse(actionElement);
        var nonce = fields.GetLong("nonce");
        var signature = ParseSignature(fields.Required("signature"), "request.signature");
        var vault = fields.OptionalAddress("vaultAddress");
        var expiresAfter = fields.OptionalLong("expiresAfter");
        fields.End();
        if (nonce < 0)
        {
            throw new WireFormatException("request.nonce: must not be negative.");
        }

        if (expiresAfter < 0)
        {
            throw new WireFormatException("request.expiresAfter: must not be negative.");
        }

        return new ExchangeRequest(action, nonce, signature, vault, expiresAfter)
        {
            ReceivedActionMsgpack = action.IsUserSigned ? null : L1Signing.Msgpack(action, actionElement),
        };
    }

    public static EcdsaSignature ParseSignature(JsonElement element, string path)
    {
        var fields = new JsonFields(element, path);
        var r = fields.GetString("r");
        var s = fields.GetString("s");
        var v = fields.GetInt("v");
        fields.End();
        try
        {
            return new EcdsaSignature(r, s, v);
        }
        catch (FormatException ex)
        {
            throw new WireFormatException($"{path}: {ex.Message}", ex);
        }
    }
}
