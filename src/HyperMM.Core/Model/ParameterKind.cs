namespace HyperMM.Core.Model;

/// <summary>The type a strategy parameter holds. Model parameters are numeric (Quantity, Number, WholeNumber);
/// NumberTable is a list of rows of numbers (the micro-price table).</summary>
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
    FairValue = 8,
    NumberTable = 9,
}
