namespace HyperMM.Core.Model;

/// <summary>
/// One step of a quote's decomposition, for <c>hypermm quote</c>, the journal and logs: a machine key (JSON, journal),
/// a label for tables, the value, and optionally how to show it (e.g. "−7.776 → 4282.17" or "7.1 in [5, 90]").
/// </summary>
public readonly record struct QuoteTerm(string Key, string Label, double Value, string? Text = null)
{
    /// <summary>The value as tables show it.</summary>
    public string Display => Text ?? (Value == 0.0 ? 0.0 : Value).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
