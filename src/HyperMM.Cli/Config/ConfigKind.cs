namespace HyperMM.Cli.Config;

/// <summary>The type a configuration key holds.</summary>
public enum ConfigKind
{
    Quantity = 0,
    Number = 1,
    WholeNumber = 2,
    Coin = 3,
    EnvironmentVariable = 4,
    OptionalAddress = 5,
    RequoteMode = 6,
}
