using System.Globalization;
using System.Text.RegularExpressions;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HyperMM.Cli.Config;

/// <summary>
/// Loads config/strategies.yaml strictly: every key is known, typed and in range, or loading stops with one
/// <see cref="ConfigException"/> naming file:line, strategy, key, value and the allowed range.
/// </summary>
public static partial class StrategyConfigLoader
{
    public const string DefaultRelativePath = "config/strategies.yaml";

    private static readonly HashSet<string> TopLevelKeys = new(StringComparer.Ordinal) { "defaults", "strategies" };

    /// <summary>
    /// The file to load: the given path, else ./config/strategies.yaml, else the copy shipped beside the executable.
    /// </summary>
    public static string ResolvePath(string? path)
    {
        if (!string.IsNullOrWhiteSpace(path))
        {
            return path;
        }

        if (File.Exists(DefaultRelativePath))
        {
            return DefaultRelativePath;
        }

        var shipped = Path.Combine(AppContext.BaseDirectory, DefaultRelativePath);
        return File.Exists(shipped) ? shipped : DefaultRelativePath;
    }

    public static IReadOnlyList<StrategyParameters> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{path}: cannot read the configuration file: {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    public static IReadOnlyList<StrategyParameters> Parse(string yaml, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var root = LoadRoot(yaml, displayPath);

        YamlMappingNode? defaults = null;
        YamlMappingNode? strategies = null;
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = ScalarText(keyNode);
            if (!TopLevelKeys.Contains(key))
            {
                throw Error(displayPath, keyNode, $"unknown top-level key '{key}' (allowed: defaults, strategies)");
            }

            if (valueNode is not YamlMappingNode mapping)
            {
                throw Error(displayPath, valueNode, $"'{key}' must be a mapping of keys to values");
            }

            if (key == "defaults")
            {
                defaults = mapping;
            }
            else
            {
                strategies = mapping;
            }
        }

        if (strategies is null || strategies.Children.Count == 0)
        {
            throw new ConfigException($"{displayPath}: no strategies: add a 'strategies:' mapping with at least one strategy");
        }

        var defaultValues = defaults is null ? [] : CollectKeys(displayPath, "defaults", defaults, isDefaults: true);
        var result = new List<StrategyParameters>();
        foreach (var (nameNode, body) in strategies.Children)
        {
            var name = ScalarText(nameNode);
            if (!StrategyNamePattern().IsMatch(name))
            {
                throw Error(displayPath, nameNode, $"strategy name '{name}' is not allowed (use lower-case letters, digits and _, up to 64 characters)");
            }

            if (body is not YamlMappingNode strategyMapping)
            {
                throw Error(displayPath, body, $"strategy '{name}' must be a mapping of keys to values");
            }

            var values = new Dictionary<string, ParsedValue>(defaultValues, StringComparer.Ordinal);
            foreach (var (k, v) in CollectKeys(displayPath, name, strategyMapping, isDefaults: false))
            {
                values[k] = v;
            }

            foreach (var key in StrategyConfigSchema.Keys.Where(k => k.Required && !values.ContainsKey(k.Name)))
            {
                throw Error(displayPath, nameNode, $"strategy '{name}' is missing the required key '{key.Name}' ({key.Description}; allowed: {key.Allowed})");
            }

            result.Add(Build(displayPath, name, nameNode, values));
        }

        CheckAcrossStrategies(displayPath, result);
        return result;
    }

    private static YamlMappingNode LoadRoot(string yaml, string displayPath)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new ConfigException(
                FormattableString.Invariant($"{displayPath}:{ex.Start.Line}:{ex.Start.Column}: not valid YAML: {ex.InnerException?.Message ?? ex.Message}"),
                ex);
        }

        if (stream.Documents.Count == 0)
        {
            throw new ConfigException($"{displayPath}: the file is empty: it must define 'strategies:'");
        }

        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw Error(displayPath, stream.Documents[0].RootNode, "the file must be a mapping with 'defaults:' and 'strategies:'");
    }

    private static Dictionary<string, ParsedValue> CollectKeys(string path, string owner, YamlMappingNode mapping, bool isDefaults)
    {
        var values = new Dictionary<string, ParsedValue>(StringComparer.Ordinal);
        var where = isDefaults ? "defaults" : $"strategy '{owner}'";
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = ScalarText(keyNode);
            var spec = StrategyConfigSchema.Find(key);
            if (spec is null)
            {
                var suggestion = StrategyConfigSchema.Suggest(key);
                var hint = suggestion is null ? " (see docs/MODEL.md for the keys)" : $" (did you mean '{suggestion}'?)";
                throw Error(path, keyNode, $"{where}: unknown key '{key}'{hint}");
            }

            if (isDefaults && spec.Name is "coin" or "key_env" or "account")
            {
                throw Error(path, keyNode, $"defaults: '{key}' belongs to one strategy only, not to defaults");
            }

            if (valueNode is not YamlScalarNode scalar)
            {
                throw Error(path, valueNode, $"{where}, key '{key}': expects a single value (allowed: {spec.Allowed})");
            }

            values[key] = Parse(path, where, spec, scalar);
        }

        return values;
    }

    private static ParsedValue Parse(string path, string where, ConfigKey spec, YamlScalarNode node)
    {
        var raw = node.Value ?? string.Empty;
        ConfigException Bad(string problem) =>
            Error(path, node, $"{where}, key '{spec.Name}': {problem} (allowed: {spec.Allowed})");

        var shown = Shown(raw);
        ParsedValue InRange(ParsedValue parsed, double value) =>
            StrategyParameterRules.CheckValue(spec, value, shown) is { } violation ? throw Error(path, node, $"{where}, {violation}") : parsed;

        if (LooksLikePrivateKey(raw))
        {
            throw Error(path, node, $"{where}, key '{spec.Name}': the value looks like a private key; never write keys in this file: put the key in the environment variable named by 'key_env' (value not shown)");
        }

        switch (spec.Kind)
        {
            case ConfigKind.Quantity:
                if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var dec))
                {
                    throw Bad($"{shown} is not a number");
                }

                return InRange(new ParsedValue(node, dec), (double)dec);
            case ConfigKind.Number:
                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var num) || !double.IsFinite(num))
                {
                    throw Bad($"{shown} is not a number");
                }

                return InRange(new ParsedValue(node, num), num);
            case ConfigKind.WholeNumber:
                if (!long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
                {
                    throw Bad($"{shown} is not a whole number");
                }

                return InRange(new ParsedValue(node, (int)Math.Clamp(integer, int.MinValue, int.MaxValue)), integer);
            case ConfigKind.Coin:
                return CoinPattern().IsMatch(raw) ? new ParsedValue(node, new Coin(raw)) : throw Bad($"{shown} is not a coin name");
            case ConfigKind.EnvironmentVariable:
                return EnvNamePattern().IsMatch(raw) ? new ParsedValue(node, raw) : throw Bad($"{shown} is not an environment variable name");
            case ConfigKind.OptionalAddress:
                if (raw.Length == 0 || (node.Style == ScalarStyle.Plain && raw is "~" or "null"))
                {
                    return new ParsedValue(node, null);
                }

                return Address.TryParse(raw, out var address) ? new ParsedValue(node, address) : throw Bad($"{shown} is not an address");
            case ConfigKind.RequoteMode:
                return raw switch
                {
                    "amend" => new ParsedValue(node, RequoteMode.Amend),
                    "replace" => new ParsedValue(node, RequoteMode.Replace),
                    _ => throw Bad($"{shown} is not a requote mode"),
                };
            default:
                throw new InvalidOperationException("unhandled config kind " + spec.Kind);
        }
    }

    private static StrategyParameters Build(string path, string name, YamlNode nameNode, Dictionary<string, ParsedValue> v)
    {
        // Keys not set take the schema's default: the one place defaults are written down.
        T Get<T>(string key) => v.TryGetValue(key, out var p) && p.Value is T t ? t
            : StrategyConfigSchema.Find(key)?.Default is T d ? d
            : throw new InvalidOperationException($"the schema has no {typeof(T).Name} default for '{key}'");
        T Req<T>(string key) => (T)v[key].Value!;

        var parameters = new StrategyParameters
        {
            Name = name,
            Coin = Req<Coin>("coin"),
            OrderSize = Req<decimal>("mm_order_size"),
            MaxAbsPosition = Req<decimal>("mm_max_abs_position"),
            Gamma = Req<double>("gamma"),
            Kappa = Req<double>("kappa"),
            MinSpreadBps = Req<double>("min_spread_bps"),
            MaxSpreadBps = Req<double>("max_spread_bps"),
            TargetFillSeconds = Get<double>("mm_target_fill_seconds"),
            CycleIntervalSeconds = Get<double>("cycle_interval_seconds"),
            Volatility = new VolatilityOptions(
                Get<double>("vol_sample_interval_seconds"),
                Get<int>("vol_window_samples"),
                Get<double>("vol_horizon_seconds"),
                Req<double>("vol_prior_bps_1s"),
                Get<double>("vol_prior_weight_samples")),
            SizeSkew = Get<double>("size_skew"),
            FillPressure = new FillPressureOptions(
                Get<double>("pressure_step_seconds"),
                Get<double>("pressure_tighten_per_step"),
                Get<int>("pressure_max_steps"),
                Get<double>("pressure_min_spread_bps"),
                Get<double>("pressure_cross_min_inventory")),
            RequoteMode = Get<RequoteMode>("requote_mode"),
            AmendPriceToleranceBps = Get<double>("amend_price_tolerance_bps"),
            AmendSizeTolerance = Get<double>("amend_size_tolerance"),
            StaleBookSeconds = Get<double>("stale_book_seconds"),
            MaxLossUsd = Get<decimal>("max_loss_usd"),
            MaxNotionalUsd = Get<decimal>("max_notional_usd"),
            Leverage = Get<int>("leverage"),
            KeyEnvironmentVariable = Req<string>("key_env"),
            Account = v.TryGetValue("account", out var acct) ? (Address?)acct.Value : null,
        };

        foreach (var violation in StrategyParameterRules.CheckAcross(parameters))
        {
            // Point at the key to blame, or at what made a default wrong (pressure_min_spread_bps: max_spread_bps).
            var node = v.TryGetValue(violation.Key, out var blamed) ? blamed.Node : v.TryGetValue("max_spread_bps", out var bound) ? bound.Node : nameNode;
            throw Error(path, node, $"strategy '{name}', {violation}");
        }

        return parameters;
    }

    private static void CheckAcrossStrategies(string path, List<StrategyParameters> strategies)
    {
        foreach (var group in strategies.GroupBy(s => s.Coin).Where(g => g.Count() > 1))
        {
            throw new ConfigException($"{path}: strategies {string.Join(" and ", group.Select(s => $"'{s.Name}'"))} quote the same coin {group.Key}: one strategy per coin");
        }

        foreach (var group in strategies.GroupBy(s => s.KeyEnvironmentVariable).Where(g => g.Count() > 1))
        {
            throw new ConfigException($"{path}: strategies {string.Join(" and ", group.Select(s => $"'{s.Name}'"))} share key_env '{group.Key}': each strategy runs on its own account and key");
        }
    }

    private static string ScalarText(YamlNode node) => node is YamlScalarNode s ? s.Value ?? string.Empty : node.ToString();

    private static string Shown(string raw) => raw.Length > 40 ? $"'{raw[..37]}...'" : $"'{raw}'";

    private static bool LooksLikePrivateKey(string raw)
    {
        var hex = raw.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? raw[2..] : raw;
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit);
    }

    private static ConfigException Error(string path, YamlNode node, string message) =>
        new(FormattableString.Invariant($"{path}:{node.Start.Line}: {message}"));

    [GeneratedRegex("^[a-z0-9_]{1,64}$")]
    private static partial Regex StrategyNamePattern();

    [GeneratedRegex("^[A-Za-z0-9:]{1,32}$")]
    private static partial Regex CoinPattern();

    [GeneratedRegex("^[A-Z_][A-Z0-9_]{0,127}$")]
    private static partial Regex EnvNamePattern();

    private sealed record ParsedValue(YamlNode Node, object? Value);
}
