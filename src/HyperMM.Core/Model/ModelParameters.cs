namespace HyperMM.Core.Model;

/// <summary>
/// A strategy's quoting model and the values of that model's keys (every key of its schema: set, from
/// <c>defaults</c>, or the schema's default). Model keys are numbers; the model reads them into its own typed record
/// when it is created (<see cref="QuotingModelDefinition.Create"/>).
/// </summary>
public sealed class ModelParameters
{
    private readonly Dictionary<string, double> _values;

    public ModelParameters(QuotingModelDefinition definition, IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(values);
        Definition = definition;
        _values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var key in definition.Schema.Keys)
        {
            if (values.TryGetValue(key.Name, out var value))
            {
                _values[key.Name] = value;
            }
            else if (key.Default is not null)
            {
                _values[key.Name] = key.DefaultNumber;
            }
            else
            {
                throw new ArgumentException($"model '{definition.Name}' needs a value for '{key.Name}'", nameof(values));
            }
        }

        foreach (var name in values.Keys.Where(k => !definition.Schema.Contains(k)))
        {
            throw new ArgumentException($"'{name}' is not a key of model '{definition.Name}'", nameof(values));
        }
    }

    public QuotingModelDefinition Definition { get; }

    public string Name => Definition.Name;

    /// <summary>Every key of the model's schema with its value, in schema order.</summary>
    public IEnumerable<KeyValuePair<string, double>> Values => Definition.Schema.Keys.Select(k => new KeyValuePair<string, double>(k.Name, _values[k.Name]));

    public double this[string key] => _values.TryGetValue(key, out var value)
        ? value
        : throw new KeyNotFoundException($"'{key}' is not a key of model '{Name}'");

    /// <summary>A copy with one key replaced.</summary>
    public ModelParameters With(string key, double value)
    {
        if (!_values.ContainsKey(key))
        {
            throw new KeyNotFoundException($"'{key}' is not a key of model '{Name}'");
        }

        var values = new Dictionary<string, double>(_values, StringComparer.Ordinal) { [key] = value };
        return new ModelParameters(Definition, values);
    }

    public override string ToString() => Name + "(" + string.Join(", ", Values.Select(v => v.Key + "=" + ParameterRules.Number(v.Value))) + ")";
}
