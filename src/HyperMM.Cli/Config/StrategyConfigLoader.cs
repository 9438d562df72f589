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

            result.Add(Build(displayPath, name, values));
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

                return spec.InRange((double)dec) ? new ParsedValue(node, dec) : throw Bad($"value {shown} is out of range");
            case ConfigKind.Number:
                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var num) || !double.IsFinite(num))
                {
                    throw Bad($"{shown} is not a number");
                }

                return spec.InRange(num) ? new ParsedValue(node, num) : throw Bad($"value {shown} is out of range");
            case ConfigKind.WholeNumber:
                if (!long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
                {
                    throw Bad($"{shown} is not a whole number");
                }

                return spec.InRange(integer) ? new ParsedValue(node, (int)integer) : throw Bad($"value {shown} is out of range");
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

    private static StrategyParameters Build(string path, string name, Dictionary<string, ParsedValue> v)
    {
        T Get<T>(string key, T fallback) => v.TryGetValue(key, out var p) && p.Value is T t ? t : fallback;
        T Req<T>(string key) => (T)v[key].Value!;

        var minSpread = Req<double>("min_spread_bps");
        var maxSpread = Req<double>("max_spread_bps");
        if (minSpread > maxSpread)
        {
            throw Error(path, v["min_spread_bps"].Node, FormattableString.Invariant(
                $"strategy '{name}', key 'min_spread_bps': value {minSpread} is above max_spread_bps {maxSpread} (allowed: min_spread_bps <= max_spread_bps)"));
        }

        var size = Req<decimal>("mm_order_size");
        var cap = Req<decimal>("mm_max_abs_position");
        if (size > cap)
        {
            throw Error(path, v["mm_order_size"].Node, FormattableString.Invariant(
                $"strategy '{name}', key 'mm_order_size': value {size} is above mm_max_abs_position {cap} (allowed: mm_order_size <= mm_max_abs_position)"));
        }

        var pressure = new FillPressureOptions(
            Get("pressure_step_seconds", 10.0),
            Get("pressure_tighten_per_step", 0.25),
            Get("pressure_max_steps", 3),
            Get("pressure_min_spread_bps", 1.0),
            Get("pressure_cross_min_inventory", 0.25));
        if (pressure.MinSpreadBps > maxSpread && v.TryGetValue("pressure_min_spread_bps", out var pms))
        {
            throw Error(path, pms.Node, FormattableString.Invariant(
                $"strategy '{name}', key 'pressure_min_spread_bps': value {pressure.MinSpreadBps} is above max_spread_bps {maxSpread} (allowed: <= max_spread_bps)"));
        }

        return new StrategyParameters
        {
            Name = name,
            Coin = Req<Coin>("coin"),
            OrderSize = size,
            MaxAbsPosition = cap,
            Gamma = Req<double>("gamma"),
            Kappa = Req<double>("kappa"),
            MinSpreadBps = minSpread,
            MaxSpreadBps = maxSpread,
            TargetFillSeconds = Get("mm_target_fill_seconds", 30.0),
            CycleIntervalSeconds = Get("cycle_interval_seconds", 1.0),
            Volatility = new VolatilityOptions(
                Get("vol_sample_interval_seconds", 1.0),
                Get("vol_window_samples", 300),
                Get("vol_horizon_seconds", 60.0),
                Req<double>("vol_prior_bps_1s"),
                Get("vol_prior_weight_samples", 60.0)),
            SizeSkew = Get("size_skew", 1.0),
            FillPressure = pressure,
            RequoteMode = Get("requote_mode", RequoteMode.Amend),
            AmendPriceToleranceBps = Get("amend_price_tolerance_bps", 1.0),
            AmendSizeTolerance = Get("amend_size_tolerance", 0.25),
            StaleBookSeconds = Get("stale_book_seconds", 10.0),
            MaxLossUsd = Get("max_loss_usd", 100m),
            MaxNotionalUsd = Get("max_notional_usd", 2_000m),
            Leverage = Get("leverage", 5),
            KeyEnvironmentVariable = Req<string>("key_env"),
            Account = v.TryGetValue("account", out var acct) ? (Address?)acct.Value : null,
        };
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
