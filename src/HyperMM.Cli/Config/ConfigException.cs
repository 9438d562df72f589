namespace HyperMM.Cli.Config;

/// <summary>A mistake in a configuration file: the message names file, line, strategy, key, value and allowed range.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException()
    {
    }

    public ConfigException(string message)
        : base(message)
    {
    }

    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
