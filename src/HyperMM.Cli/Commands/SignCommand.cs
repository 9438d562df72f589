using System.CommandLine;
using System.Text.Json;
using System.Text;
using HyperMM.Cli.Failures;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Actions;
using HyperMM.Hyperliquid.Json;
using HyperMM.Hyperliquid.Signing;

namespace HyperMM.Cli.Commands;

/// <summary>
/// <c>hypermm sign</c>: signs one action read as JSON (keys in any order: it is parsed into the typed action and
/// canonicalised) and prints msgpack, action hash, EIP-712 digest, signature and the signer recovered from it, plus
/// the ready-to-POST request. For "User or API Wallet … does not exist": compare <c>signer</c> with the address the
/// venue names. The key comes only from the environment variable named by --key-env and is never printed.
/// </summary>
public static class SignCommand
{
    public static Command Build()
    {
        var keyEnv = new Option<string>("--key-env") { Description = "Name of the environment variable holding the private key (0x + 64 hex).", Required = true };
        var nonce = new Option<long>("--nonce") { Description = "Envelope nonce (ms timestamp; for approveAgent it must equal the action's nonce).", Required = true };
        var testnet = new Option<bool>("--testnet") { Description = "Sign for testnet (phantom agent source \"b\")." };
        var mainnet = new Option<bool>("--mainnet") { Description = "Sign for mainnet (phantom agent source \"a\")." };
        var vault = new Option<string?>("--vault") { Description = "Sub-account or vault address traded for (part of the hash)." };
        var expiresAfter = new Option<long?>("--expires-after") { Description = "expiresAfter ms timestamp (part of the hash)." };
        var file = new Argument<string>("FILE") { Description = "The action as JSON, or - for standard input." };

        var command = new Command("sign", "Sign an /exchange action and print msgpack, action hash, digest, signature and recovered signer.")
        {
            keyEnv, nonce, testnet, mainnet, vault, expiresAfter, file,
        };
        command.SetAction(parse => CommandRunner.Run(parse, () =>
        {
            var isMainnet = Network(parse.GetValue(testnet), parse.GetValue(mainnet));
            var vaultAddress = ParseVault(parse.GetValue(vault));
            var action = ReadAction(parse.GetValue(file)!);
            var key = LoadKey(parse.GetValue(keyEnv)!);
            var json = Sign(key, action, parse.GetValue(nonce), isMainnet, vaultAddress, parse.GetValue(expiresAfter));
            parse.InvocationConfiguration.Output.WriteLine(json);
            return 0;
        }));
        return command;
    }

    /// <summary>The printed JSON object.</summary>
    public static string Sign(PrivateKey key, HyperliquidAction action, long nonce, bool isMainnet, Address? vault, long? expiresAfter)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(action);
        if (nonce < 0)
        {
            throw new UsageException("--nonce must not be negative");
        }

        if (action is ApproveAgentAction approve)
        {
            if (approve.IsMainnet != isMainnet)
            {
                throw new UsageException($"the approveAgent action says hyperliquidChain {approve.HyperliquidChain} but {(isMainnet ? "--mainnet" : "--testnet")} was given");
            }

            if (approve.Nonce != nonce)
            {
                throw new UsageException($"approveAgent's nonce ({approve.Nonce}) must equal --nonce ({nonce})");
            }

            if (vault is not null || expiresAfter is not null)
            {
                throw new UsageException("approveAgent is user-signed: --vault and --expires-after do not apply");
            }
        }

        var request = HyperliquidSigning.Sign(key, action, nonce, isMainnet, vault, expiresAfter);
        var payload = request.Payload(isMainnet);
        var signer = request.RecoverSigner(isMainnet);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("network", isMainnet ? "mainnet" : "testnet");
            w.WriteString("scheme", action.IsUserSigned ? "user-signed EIP-712" : "L1 phantom agent");
            w.WritePropertyName("action");
            ActionJson.Write(w, action);
            w.WriteNumber("nonce", nonce);
            if (payload.Msgpack is { } msgpack)
            {
                w.WriteString("msgpack", Hex(msgpack));
            }
            else
            {
                w.WriteNull("msgpack");
            }

            w.WriteString("actionHash", Hex(payload.ActionHash));
            w.WriteString("digest", Hex(payload.Digest));
            w.WritePropertyName("signature");
            ExchangeRequestJson.WriteSignature(w, request.Signature);
            w.WriteString("signer", signer.Hex);
            w.WritePropertyName("request");
            ExchangeRequestJson.Write(w, request);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static bool Network(bool testnet, bool mainnet) => (testnet, mainnet) switch
    {
        (true, false) => false,
        (false, true) => true,
        (true, true) => throw new UsageException("give only one of --testnet and --mainnet"),
        _ => throw new UsageException("give --testnet or --mainnet (the network is part of the signature)"),
    };

    private static Address? ParseVault(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return Address.TryParse(text, out var address)
            ? address
            : throw new UsageException($"--vault '{text}' is not an address (0x + 40 hex digits)");
    }

    private static HyperliquidAction ReadAction(string file)
    {
        string text;
        try
        {
            text = file == "-" ? Console.In.ReadToEnd() : File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {file}: {ex.Message}");
        }

        try
        {
            return ActionJson.Parse(text);
        }
        catch (WireFormatException ex)
        {
            throw new UsageException($"{(file == "-" ? "stdin" : file)}: {ex.Message}");
        }
    }

    private static PrivateKey LoadKey(string variable)
    {
        try
        {
            return PrivateKey.FromEnvironment(variable);
        }
        catch (PrivateKeyException ex)
        {
            throw new UsageException(ex.Message);
        }
        catch (ArgumentException)
        {
            throw new UsageException("--key-env needs the name of an environment variable");
        }
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);
}
