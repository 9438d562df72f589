using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Actions;

namespace HyperMM.Hyperliquid.Signing;

/// <summary>Signs any typed action into an <see cref="ExchangeRequest"/>, choosing the L1 or the user-signed scheme.</summary>
public static class HyperliquidSigning
{
    /// <summary>Computes the bytes to sign. For user-signed actions <paramref name="isMainnet"/> comes from the action.</summary>
    public static SigningPayload Prepare(HyperliquidAction action, long nonce, bool isMainnet, Address? vaultAddress = null, long? expiresAfter = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action is ApproveAgentAction approve)
        {
            return new SigningPayload(null, UserSigning.StructHash(approve), UserSigning.Digest(approve));
        }

        return PrepareL1(L1Signing.Msgpack(action), nonce, isMainnet, vaultAddress, expiresAfter);
    }

    /// <summary>The bytes to sign for an L1 action already encoded as <paramref name="msgpack"/>.</summary>
    public static SigningPayload PrepareL1(byte[] msgpack, long nonce, bool isMainnet, Address? vaultAddress = null, long? expiresAfter = null)
    {
        ArgumentNullException.ThrowIfNull(msgpack);
        var connectionId = L1Signing.ActionHash(msgpack, nonce, vaultAddress, expiresAfter);
        return new SigningPayload(msgpack, connectionId, L1Signing.Digest(connectionId, isMainnet));
    }

    /// <summary>Signs an action. User-signed actions must carry the same network and nonce, and no vault/expiresAfter.</summary>
    public static ExchangeRequest Sign(PrivateKey key, HyperliquidAction action, long nonce, bool isMainnet, Address? vaultAddress = null, long? expiresAfter = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(action);
        if (action is ApproveAgentAction approve)
        {
            if (approve.IsMainnet != isMainnet)
            {
                throw new ArgumentException($"approveAgent is for {approve.HyperliquidChain} but the request targets {(isMainnet ? "Mainnet" : "Testnet")}.", nameof(action));
            }

            if (approve.Nonce != nonce)
            {
                throw new ArgumentException("approveAgent's nonce must equal the envelope nonce.", nameof(nonce));
            }

            if (vaultAddress is not null || expiresAfter is not null)
            {
                throw new ArgumentException("approveAgent is user-signed: no vaultAddress and no expiresAfter.", nameof(action));
            }
        }

        var payload = Prepare(action, nonce, isMainnet, vaultAddress, expiresAfter);
        var signature = Secp256k1.Sign(key, payload.Digest);
        return new ExchangeRequest(action, nonce, signature, vaultAddress, expiresAfter);
    }
}
