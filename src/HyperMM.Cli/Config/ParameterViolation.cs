namespace HyperMM.Cli.Config;

/// <summary>One broken rule of a strategy parameter: the key to blame and the message after "key '...': ".</summary>
public sealed record ParameterViolation(string Key, string Message)
{
    /// <summary>The message as every source shows it, after its own prefix ("file:line: strategy 'x', " or "--sweep, ...").</summary>
    public override string ToString() => $"key '{Key}': {Message}";
}
