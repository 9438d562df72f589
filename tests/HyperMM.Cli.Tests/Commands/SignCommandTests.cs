using System.Text.Json;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Commands;

/// <summary><c>hypermm sign</c> reproduces the shared signing vectors and fails cleanly on user mistakes.</summary>
public sealed class SignCommandTests : IDisposable
{
    private const string PyKey = "0x0123456789012345678901234567890123456789012345678901234567890123";
    private readonly string _keyVar = "HYPERMM_SIGN_TEST_" + Guid.NewGuid().ToString("N");
    private readonly List<string> _files = [];

    public SignCommandTests() => Environment.SetEnvironmentVariable(_keyVar, PyKey);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_keyVar, null);
        foreach (var f in _files)
        {
            File.Delete(f);
        }
    }

    [Theory]
    [InlineData("mm_two_alo_orders_with_cloids", "testnet")]
    [InlineData("order_with_vault_and_expiresAfter", "mainnet")]
    [InlineData("batchModify_by_cloid", "mainnet")]
    public async Task Sign_ReproducesADerivedVector(string name, string network)
    {
        using var vectors = JsonDocument.Parse(File.ReadAllText(SharedData.File("hyperliquid/signing-vectors.json")));
        var v = vectors.RootElement.GetProperty("derivedL1Vectors").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        var args = new List<string> { "sign", "--key-env", _keyVar, "--nonce", v.GetProperty("nonce").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), "--" + network, Write(v.GetProperty("action").GetRawText()) };
        if (v.GetProperty("vaultAddress").ValueKind == JsonValueKind.String)
        {
            args.AddRange(["--vault", v.GetProperty("vaultAddress").GetString()!]);
        }

        if (v.GetProperty("expiresAfter").ValueKind == JsonValueKind.Number)
        {
            args.AddRange(["--expires-after", v.GetProperty("expiresAfter").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        var (code, output, error) = await Run([.. args]);
        Assert.Equal(string.Empty, error);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        var expected = v.GetProperty(network);
        Assert.Equal(v.GetProperty("msgpackHex").GetString(), root.GetProperty("msgpack").GetString());
        Assert.Equal(v.GetProperty("connectionId").GetString(), root.GetProperty("actionHash").GetString());
        Assert.Equal(expected.GetProperty("eip712Digest").GetString(), root.GetProperty("digest").GetString());
        Assert.Equal(expected.GetProperty("r").GetString(), root.GetProperty("signature").GetProperty("r").GetString());
        Assert.Equal(expected.GetProperty("s").GetString(), root.GetProperty("signature").GetProperty("s").GetString());
        Assert.Equal(expected.GetProperty("v").GetInt32(), root.GetProperty("signature").GetProperty("v").GetInt32());
        Assert.Equal(v.GetProperty("signer").GetString()!.ToLowerInvariant(), root.GetProperty("signer").GetString());
        Assert.DoesNotContain(PyKey[2..], output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sign_ApproveAgent_ReproducesTheDerivedVector()
    {
        using var vectors = JsonDocument.Parse(File.ReadAllText(SharedData.File("hyperliquid/signing-vectors.json")));
        var v = vectors.RootElement.GetProperty("derivedApproveAgentVectors")[2];
        var (code, output, error) = await Run("sign", "--key-env", _keyVar, "--nonce", "1700000000000", "--testnet", Write(v.GetProperty("postedAction").GetRawText()));
        Assert.Equal(string.Empty, error);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(v.GetProperty("eip712Digest").GetString(), doc.RootElement.GetProperty("digest").GetString());
        Assert.Equal(v.GetProperty("structHash").GetString(), doc.RootElement.GetProperty("actionHash").GetString());
        Assert.Equal(v.GetProperty("r").GetString(), doc.RootElement.GetProperty("signature").GetProperty("r").GetString());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("msgpack").ValueKind);
    }

    [Fact]
    public async Task Sign_KeysInAnyOrder_AreCanonicalised()
    {
        // The python SDK's official order vector (mainnet, nonce 0) with its keys shuffled and "100.0" for 100.
        var file = Write("""{"grouping":"na","orders":[{"t":{"limit":{"tif":"Gtc"}},"r":false,"s":"100.0","p":"100","b":true,"a":1}],"type":"order"}""");
        var (code, output, _) = await Run("sign", "--key-env", _keyVar, "--nonce", "0", "--mainnet", file);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("0xd65369825a9df5d80099e513cce430311d7d26ddf477f5b3a33d2806b100d78e", doc.RootElement.GetProperty("signature").GetProperty("r").GetString());
        Assert.Equal(28, doc.RootElement.GetProperty("signature").GetProperty("v").GetInt32());
    }

    [Theory]
    [InlineData("""{"type":"twapOrder","twap":{}}""", "unknown action type 'twapOrder'")]
    [InlineData("""{"type":"noop","extra":true}""", "unknown field 'extra'")]
    [InlineData("""{"type":""", "not valid JSON")]
    public async Task Sign_BadAction_IsOneErrorLineAndExit2(string json, string fragment)
    {
        var (code, output, error) = await Run("sign", "--key-env", _keyVar, "--nonce", "1", "--testnet", Write(json));
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains(fragment, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Sign_MissingEnvironmentVariable_Exit2_NamesTheVariable()
    {
        var missing = "HYPERMM_SIGN_MISSING_" + Guid.NewGuid().ToString("N");
        var (code, _, error) = await Run("sign", "--key-env", missing, "--nonce", "1", "--testnet", Write("""{"type":"noop"}"""));
        Assert.Equal(2, code);
        Assert.Contains(missing, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_InvalidKeyValue_IsNeverEchoed()
    {
        const string Bad = "0x0123456789012345678901234567890123456789012345678901234567890zzz";
        Environment.SetEnvironmentVariable(_keyVar, Bad);
        var (code, output, error) = await Run("sign", "--key-env", _keyVar, "--nonce", "1", "--testnet", Write("""{"type":"noop"}"""));
        Assert.Equal(2, code);
        Assert.DoesNotContain("0123456789012345678901234567890123456789", output + error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--testnet", "--mainnet")]
    [InlineData()]
    public async Task Sign_NetworkMustBeExactlyOne(params string[] flags)
    {
        var (code, _, error) = await Run(["sign", "--key-env", _keyVar, "--nonce", "1", .. flags, Write("""{"type":"noop"}""")]);
        Assert.Equal(2, code);
        Assert.Contains("--testnet", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_MissingFile_Exit2()
    {
        var (code, _, error) = await Run("sign", "--key-env", _keyVar, "--nonce", "1", "--testnet", "/nonexistent/action.json");
        Assert.Equal(2, code);
        Assert.Contains("cannot read", error, StringComparison.Ordinal);
    }

    private string Write(string json)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, json);
        _files.Add(path);
        return path;
    }

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliInvocation.RunAsync(args);
}
