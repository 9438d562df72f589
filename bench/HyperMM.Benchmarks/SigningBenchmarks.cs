using BenchmarkDotNet.Attributes;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Actions;
using HyperMM.Hyperliquid.Json;
using HyperMM.Hyperliquid.Signing;

namespace HyperMM.Benchmarks;

/// <summary>
/// Hyperliquid signing (issue 3). Sign: a two-order ALO action with cloids, end to end — msgpack, pre-image,
/// keccak, phantom-agent EIP-712 digest, RFC 6979 secp256k1 signature with low-s and recovery id. Target ≤ 150 µs.
/// Recover: what a venue (the local exchange) does — re-derive the digest from the parsed request and recover the
/// signer's address. ParseAndRecover adds parsing the posted JSON body.
/// </summary>
[MemoryDiagnoser]
public class SigningBenchmarks
{
    private PrivateKey _key = null!;
    private OrderAction _action = null!;
    private ExchangeRequest _signed = null!;
    private byte[] _body = null!;
    private long _nonce = 1_700_000_000_000;

    [GlobalSetup]
    public void Setup()
    {
        // Public test key from the python SDK's tests (never funded).
        _key = PrivateKey.Parse("0x0123456789012345678901234567890123456789012345678901234567890123");
        _action = new OrderAction(
        [
            new OrderWire(new AssetId(4), true, 1999.5m, 0.05m, false, new LimitOrderKind(TimeInForce.Alo), new Cloid(10)),
            new OrderWire(new AssetId(4), false, 2000.5m, 0.05m, false, new LimitOrderKind(TimeInForce.Alo), new Cloid(11)),
        ]);
        _signed = HyperliquidSigning.Sign(_key, _action, _nonce, isMainnet: false);
        _body = ExchangeRequestJson.WriteUtf8(_signed);
    }

    [Benchmark]
    public EcdsaSignature SignTwoOrders() => HyperliquidSigning.Sign(_key, _action, ++_nonce, isMainnet: false).Signature;

    [Benchmark]
    public byte[] SignTwoOrdersAndWriteJson() => ExchangeRequestJson.WriteUtf8(HyperliquidSigning.Sign(_key, _action, ++_nonce, isMainnet: false));

    [Benchmark]
    public Address RecoverSigner() => _signed.RecoverSigner(isMainnet: false);

    [Benchmark]
    public Address ParseAndRecover() => ExchangeRequestJson.Parse(_body).RecoverSigner(isMainnet: false);
}
