using HyperMM.Cli.Failures;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Signing;

namespace HyperMM.Cli.Hosting;

/// <summary>
/// Keys of the local exchange's rehearsal accounts: <c>VAR=value</c> lines as <c>hypermm exchange --keys-file</c>
/// writes them (the strategy's <c>key_env</c> holds the API wallet key, the same name ending in <c>_ACCOUNT</c>
/// instead of <c>_KEY</c> holds the master account). Read from that file, or filled in-process by the embedded run.
/// </summary>
public sealed class RehearsalKeys : IStrategyKeys
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly string _source;

    public RehearsalKeys(string source) => _source = source;

    public static string AccountVariableFor(string keyVariable)
    {
        ArgumentNullException.ThrowIfNull(keyVariable);
        return keyVariable.EndsWith("_KEY", StringComparison.Ordinal) ? keyVariable[..^4] + "_ACCOUNT" : keyVariable + "_ACCOUNT";
    }

    public static RehearsalKeys Load(string path)
    {
        var keys = new RehearsalKeys(path);
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new VenueSetupException($"{path}:{lineNumber}: expected NAME=value");
            }

            keys._values[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }

        return keys;
    }

    /// <summary>The value of one variable in the file, or null.</summary>
    public string? Get(string name) => _values.GetValueOrDefault(name);

    public void Add(string keyVariable, string keyHex, Address account)
    {
        _values[keyVariable] = keyHex;
        _values[AccountVariableFor(keyVariable)] = account.Hex;
    }

    public StrategyKey Resolve(StrategyParameters strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        var variable = strategy.KeyEnvironmentVariable;
        if (!_values.TryGetValue(variable, out var keyText) || !PrivateKey.TryParse(keyText, out var key))
        {
            throw new VenueSetupException($"{strategy.Name}: {_source} has no usable {variable} (start the exchange with --accounts {strategy.Name})");
        }

        var account = _values.TryGetValue(AccountVariableFor(variable), out var a) && Address.TryParse(a, out var parsed) ? parsed : (Address?)null;
        return new StrategyKey(key, account);
    }
}
