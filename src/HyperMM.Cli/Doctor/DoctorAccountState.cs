namespace HyperMM.Cli.Doctor;

/// <summary>The parts of <c>clearinghouseState</c> the doctor needs.</summary>
/// <param name="CoinLeverage">Leverage of the coin's open position, if there is one.</param>
public sealed record DoctorAccountState(decimal AccountValueUsd, decimal WithdrawableUsd, int? CoinLeverage);
