using System.Globalization;
using System.Text.RegularExpressions;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HyperMM.Cli.Config;

/// <summary>
/// Loads config/strategies.yaml strictly: every key is known, typed and in range, or loading stops with one
/// <see cref="ConfigException"/> naming file:line, strategy, key, value and the allowed range. The keys, their ranges
/// and defaults come from Core: the common schema (<see cref="CommonParameters"/>) and the schema of the strategy's
/// quoting model (<c>model:</c>, found in <see cref="QuotingModels"/>); the one validator is <see cref="ParameterRules"/>.
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

            var model = values.TryGetValue(CommonParameters.ModelKey, out var chosen) ? (QuotingModelDefinition)chosen.Value! : QuotingModels.Default;
            foreach (var key in CommonParameters.Schema.Keys.Where(k => k.Required && !values.ContainsKey(k.Name)))
            {
                throw Error(displayPath, nameNode, $"strategy '{name}' is missing the required key '{key.Name}' ({key.Description}; allowed: {key.Allowed})");
            }

            foreach (var key in model.Schema.Keys.Where(k => k.Required && !values.ContainsKey(k.Name)))
            {
                throw Error(displayPath, nameNode, $"strategy '{name}' is missing the required key '{key.Name}' of model '{model.Name}' ({key.Description}; allowed: {key.Allowed})");
            }

            result.Add(Build(displayPath, name, nameNode, model, values));
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
            var spec = CommonParameters.Schema.Find(key);
            var modelSpec = spec is null ? QuotingModels.All.Select(m => m.Schema.Find(key)).FirstOrDefault(k => k is not null) : null;
            if (spec is null && modelSpec is null)
            {
                var suggestion = ParameterSchema.Suggest(key, AllKeyNames);
                var hint = suggestion is null ? " (see docs/MODEL.md for the keys)" : $" (did you mean '{suggestion}'?)";
                throw Error(path, keyNode, $"{where}: unknown key '{key}'{hint}");
            }

            if (isDefaults && CommonParameters.IsPerStrategyOnly(key))
            {
                throw Error(path, keyNode, $"defaults: '{key}' belongs to one strategy only, not to defaults");
            }

            if (spec is { Kind: ParameterKind.NumberTable })
            {
                values[key] = new ParsedValue(valueNode, ParseTable(path, where, spec, valueNode));
                continue;
            }

            if (valueNode is not YamlScalarNode scalar)
            {
                throw Error(path, valueNode, $"{where}, key '{key}': expects a single value (allowed: {(spec ?? modelSpec)!.Allowed})");
            }

            // A model's key is parsed once the strategy's model is known (two models may give one name different ranges).
            values[key] = spec is null ? new ParsedValue(scalar, null, where, Deferred: true) : Parse(path, where, spec, scalar);
        }

        return values;
    }

    private static IEnumerable<string> AllKeyNames =>
        CommonParameters.Schema.Keys.Select(k => k.Name).Concat(QuotingModels.All.SelectMany(m => m.Schema.Keys.Select(k => k.Name)));

    private static ParsedValue Parse(string path, string where, ParameterSpec spec, YamlScalarNode node)
    {
        var raw = node.Value ?? string.Empty;
        ConfigException Bad(string problem) =>
            Error(path, node, $"{where}, key '{spec.Name}': {problem} (allowed: {spec.Allowed})");

        var shown = Shown(raw);
        ParsedValue InRange(ParsedValue parsed, double value) =>
            ParameterRules.CheckValue(spec, value, shown) is { } violation ? throw Error(path, node, $"{where}, {violation}") : parsed;

        if (LooksLikePrivateKey(raw))
        {
            throw Error(path, node, $"{where}, key '{spec.Name}': the value looks like a private key; never write keys in this file: put the key in the environment variable named by 'key_env' (value not shown)");
        }

        switch (spec.Kind)
        {
            case ParameterKind.Quantity:
                if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var dec))
                {
                    throw Bad($"{shown} is not a number");
                }

                return InRange(new ParsedValue(node, dec), (double)dec);
            case ParameterKind.Number:
                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var num) || !double.IsFinite(num))
                {
                    throw Bad($"{shown} is not a number");
                }

                return InRange(new ParsedValue(node, num), num);
            case ParameterKind.WholeNumber:
                if (!long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
                {
                    throw Bad($"{shown} is not a whole number");
                }

                return InRange(new ParsedValue(node, (int)Math.Clamp(integer, int.MinValue, int.MaxValue)), integer);
            case ParameterKind.Coin:
                return CoinPattern().IsMatch(raw) ? new ParsedValue(node, new Coin(raw)) : throw Bad($"{shown} is not a coin name");
            case ParameterKind.EnvironmentVariable:
                return EnvNamePattern().IsMatch(raw) ? new ParsedValue(node, raw) : throw Bad($"{shown} is not an environment variable name");
            case ParameterKind.OptionalAddress:
                if (raw.Length == 0 || (node.Style == ScalarStyle.Plain && raw is "~" or "null"))
                {
                    return new ParsedValue(node, null);
                }

                return Address.TryParse(raw, out var address) ? new ParsedValue(node, address) : throw Bad($"{shown} is not an address");
            case ParameterKind.RequoteMode:
                return raw switch
                {
                    "amend" => new ParsedValue(node, RequoteMode.Amend),
                    "replace" => new ParsedValue(node, RequoteMode.Replace),
                    _ => throw Bad($"{shown} is not a requote mode"),
                };
            case ParameterKind.Model:
                return QuotingModels.Find(raw) is { } model ? new ParsedValue(node, model) : throw Bad($"{shown} is not a quoting model");
            case ParameterKind.FairValue:
                return FairValue.Names.Contains(raw) ? new ParsedValue(node, raw) : throw Bad($"{shown} is not a fair value");
            default:
                throw new InvalidOperationException("unhandled config kind " + spec.Kind);
        }
    }

    /// <summary>A table of numbers (<c>[[a, b], [c, d]]</c>), checked by <see cref="MicroPriceTable.Check"/>.</summary>
    private static MicroPriceTable ParseTable(string path, string where, ParameterSpec spec, YamlNode node)
    {
        ConfigException Bad(YamlNode at, string problem) => Error(path, at, $"{where}, key '{spec.Name}': {problem} (allowed: {spec.Allowed})");
        if (node is not YamlSequenceNode rows)
        {
            throw Bad(node, "expects a list of rows");
        }

        var table = new List<IReadOnlyList<double>>();
        foreach (var row in rows.Children)
        {
            if (row is not YamlSequenceNode cells)
            {
                throw Bad(row, $"row {table.Count + 1} is not a list of numbers");
            }

            var values = new List<double>();
            foreach (var cell in cells.Children)
            {
                if (cell is not YamlScalarNode { Value: { } raw } || !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    throw Bad(cell, $"row {table.Count + 1} has {Shown(ScalarText(cell))}, not a number");
                }

                values.Add(value);
            }

            table.Add(values);
        }

        return MicroPriceTable.Check(table) is { } problem ? throw Bad(node, problem) : MicroPriceTable.Create(table);
    }

    private static StrategyParameters Build(string path, string name, YamlNode nameNode, QuotingModelDefinition model, Dictionary<string, ParsedValue> v)
    {
        // Keys not set take the schema's default: the one place defaults are written down.
        var common = CommonParameters.Schema;
        T Get<T>(string key) => v.TryGetValue(key, out var p) && p.Value is T t ? t : common.Default<T>(key);
        T Req<T>(string key) => (T)v[key].Value!;

        var modelValues = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, parsed) in v.Where(kv => kv.Value.Deferred))
        {
            if (model.Schema.Find(key) is not { } spec)
            {
                if (parsed.Where == "defaults")
                {
                    continue; // a default for another model's key: it applies to the strategies using that model
                }

                throw Error(path, parsed.Node, $"{parsed.Where}: key '{key}' is not a key of model '{model.Name}' (its keys: {string.Join(", ", model.Schema.Keys.Select(k => k.Name))})");
            }

            modelValues[key] = Convert.ToDouble(Parse(path, parsed.Where!, spec, (YamlScalarNode)parsed.Node).Value, CultureInfo.InvariantCulture);
        }

        var parameters = new StrategyParameters
        {
            Name = name,
            Coin = Req<Coin>("coin"),
            Model = new ModelParameters(model, modelValues),
            OrderSize = Req<decimal>("mm_order_size"),
            MaxAbsPosition = Req<decimal>("mm_max_abs_position"),
            CycleIntervalSeconds = Get<double>("cycle_interval_seconds"),
            Volatility = new VolatilityOptions(
                Get<double>("vol_sample_interval_seconds"),
                Get<int>("vol_window_samples"),
                Get<double>("vol_horizon_seconds"),
                Req<double>("vol_prior_bps_1s"),
                Get<double>("vol_prior_weight_samples")),
            RequoteMode = Get<RequoteMode>("requote_mode"),
            AmendPriceToleranceBps = Get<double>("amend_price_tolerance_bps"),
            AmendSizeTolerance = Get<double>("amend_size_tolerance"),
            StaleBookSeconds = Get<double>("stale_book_seconds"),
            MaxLossUsd = Get<decimal>("max_loss_usd"),
            MaxNotionalUsd = Get<decimal>("max_notional_usd"),
            Leverage = Get<int>("leverage"),
            KeyEnvironmentVariable = Req<string>("key_env"),
            Account = v.TryGetValue("account", out var acct) ? (Address?)acct.Value : null,
            FairValue = FairValueOf(path, name, v),
        };

        foreach (var violation in ParameterRules.CheckAcross(parameters))
        {
            // Point at the key to blame, or at what made a default wrong (e.g. pressure_min_spread_bps: max_spread_bps).
            var node = v.TryGetValue(violation.Key, out var blamed) ? blamed.Node
                : violation.Cause is { } cause && v.TryGetValue(cause, out var because) ? because.Node
                : nameNode;
            throw Error(path, node, $"strategy '{name}', {violation}");
        }

        return parameters;
    }

    /// <summary><c>fair_value: microprice</c> needs the strategy's <c>microprice_g_ticks</c>; a table alone leaves the centre at the mid.</summary>
    private static FairValue FairValueOf(string path, string name, Dictionary<string, ParsedValue> v)
    {
        if (!v.TryGetValue(FairValue.Key, out var chosen) || (string)chosen.Value! != FairValue.MicroPriceName)
        {
            return FairValue.Mid;
        }

        return v.TryGetValue(FairValue.TableKey, out var table)
            ? FairValue.OfMicroPrice((MicroPriceTable)table.Value!)
            : throw Error(path, chosen.Node, $"strategy '{name}', key '{FairValue.Key}': microprice needs '{FairValue.TableKey}' in the strategy (the table `hypermm calibrate` writes for its coin)");
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

    /// <summary>One value as parsed; <paramref name="Deferred"/>: a model key, parsed when the strategy's model is known.</summary>
    private sealed record ParsedValue(YamlNode Node, object? Value, string? Where = null, bool Deferred = false);
}
