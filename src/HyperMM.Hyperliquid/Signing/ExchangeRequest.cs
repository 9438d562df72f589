using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Actions;

namespace HyperMM.Hyperliquid.Signing;

/// <summary>
/// A signed /exchange request body: <c>{"action","nonce","signature","vaultAddress","expiresAfter"}</c>.
/// Written and parsed by <see cref="Json.ExchangeRequestJson"/>.
/// </summary>
public sealed record ExchangeRequest(HyperliquidAction Action, long Nonce, EcdsaSignature Signature, Address? VaultAddress = null, long? ExpiresAfter = null)
{
    /// <summary>
    /// For a request parsed from a body (<see cref="Json.ExchangeRequestJson.Parse(System.Text.Json.JsonElement)"/>):
    /// the L1 action's msgpack with its price and size strings as they were sent, which is what the venue hashes
    /// (<see cref="Wire.ReceivedFormWireWriter"/>). Null for a request built in code (then the canonical form).
    /// </summary>
    public byte[]? ReceivedActionMsgpack { get; init; }

    /// <summary>The payload the venue would re-derive from this request on the given network.</summary>
    public SigningPayload Payload(bool isMainnet) => ReceivedActionMsgpack is { } received
        ? HyperliquidSigning.PrepareL1(received, Nonce, isMainnet, VaultAddress, ExpiresAfter)
        : HyperliquidSigning.Prepare(Action, Nonce, isMainnet, VaultAddress, ExpiresAfter);

    /// <summary>
    /// The address that signed this request, as the venue recovers it: a wrong byte anywhere gives a different
    /// (random-looking) address rather than an error.
    /// </summary>
    /// <exception cref="FormatException">The signature is not valid for any key ("Unable to recover signer").</exception>
    public Address RecoverSigner(bool isMainnet) => Secp256k1.Recover(Payload(isMainnet).Digest, Signature);

    /// <summary>
    /// Envelope rules the venue checks beyond the signature, as its whole-action error text, or null when fine:
    /// user-signed actions must match the network and the nonce and carry no vault/expiresAfter.
    /// </summary>
    public string? EnvelopeError(bool isMainnet)
    {
        if (Action is ApproveAgentAction approve)
        {
            if (approve.IsMainnet != isMainnet)
            {
                return "Mainnet and testnet require different signature.";
            }

            if (approve.Nonce != Nonce)
            {
                return "Nonce mismatch.";
            }

            if (ExpiresAfter is not null)
            {
                return "expiresAfter is not supported for user-signed actions.";
            }
        }

        return null;
    }

    /// <summary>Equal when everything that is hashed is equal, the action's strings as hashed included.</summary>
    public bool Equals(ExchangeRequest? other)
        => other is not null
            && Action.Equals(other.Action) && Nonce == other.Nonce && Signature.Equals(other.Signature)
            && VaultAddress == other.VaultAddress && ExpiresAfter == other.ExpiresAfter
            && HashedAction().AsSpan().SequenceEqual(other.HashedAction());

    public override int GetHashCode() => HashCode.Combine(Action, Nonce, Signature, VaultAddress, ExpiresAfter);

    private byte[] HashedAction() => ReceivedActionMsgpack ?? (Action.IsUserSigned ? [] : L1Signing.Msgpack(Action));
}
