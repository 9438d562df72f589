namespace HyperMM.Core.Model;

/// <summary>An ordered set of parameter specs (the common keys, or one quoting model's keys), looked up by name.</summary>
public sealed class ParameterSchema
{
    private readonly Dictionary<string, ParameterSpec> _byName;

    public ParameterSchema(IReadOnlyList<ParameterSpec> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Keys = keys;
        _byName = keys.ToDictionary(k => k.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<ParameterSpec> Keys { get; }

    public ParameterSpec? Find(string name) => _byName.GetValueOrDefault(name);

    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>The default of a key, typed as its kind reads (the one place defaults are written down).</summary>
    public T Default<T>(string name) =>
        Find(name)?.Default is T value ? value : throw new InvalidOperationException($"the schema has no {typeof(T).Name} default for '{name}'");

    /// <summary>The name in <paramref name="candidates"/> closest to a misspelt one (edit distance ≤ 3), for "did you mean".</summary>
    public static string? Suggest(string name, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        string? best = null;
        var bestDistance = 4;
        foreach (var candidate in candidates)
        {
            var d = EditDistance(name, candidate);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }

        return best;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
