namespace HyperMM.Core.Model;

/// <summary>
/// One broken rule of a strategy parameter: the key to blame and the message after "key '...': ". When the blamed
/// key holds its default, <see cref="Cause"/> names the key whose value made the default wrong (for pointing at a line).
/// </summary>
public sealed record ParameterViolation(string Key, string Message, string? Cause = null)
{
    /// <summary>The message as every source shows it, after its own prefix ("file:line: strategy 'x', " or "--sweep, ...").</summary>
    public override string ToString() => $"key '{Key}': {Message}";
}
