namespace HyperMM.Core.Model;

/// <summary>The type a strategy parameter holds. Model parameters are numeric (Quantity, Number, WholeNumber).</summary>
public enum ParameterKind
{
    Quantity = 0,
    Number = 1,
    WholeNumber = 2,
    Coin = 3,
    EnvironmentVariable = 4,
    OptionalAddress = 5,
    RequoteMode = 6,
    Model = 7,
}
