using HyperMM.Core.Instruments;
using HyperMM.Core.Primitives;

namespace HyperMM.Cli.Doctor;

/// <summary>
/// Everything the doctor learned about one strategy before judging it. Gathering (environment, /info calls) is
/// separate from judging (<see cref="DoctorRules"/>) so every rule is tested without a venue. A null field means
/// "could not be learned" (an earlier step failed or the venue call failed; <see cref="VenueError"/> says why).
/// </summary>
public sealed record DoctorFacts
{
    public required string KeyVariable { get; init; }

    public bool KeyVariableSet { get; init; }

    /// <summary>Why the variable's text is not a private key (never the text itself).</summary>
    public string? KeyProblem { get; init; }

    /// <summary>The address the key signs as.</summary>
    public Address? Signer { get; init; }

    /// <summary>The configured account; null when the config leaves it empty (the key's own address trades).</summary>
    public Address? ConfiguredAccount { get; init; }

    public AccountRole? SignerRole { get; init; }

    /// <summary>Named API wallets of the account (<c>extraAgents</c>), when it could be read.</summary>
    public IReadOnlyList<Address>? AccountAgents { get; init; }

    public decimal? AccountValueUsd { get; init; }

    public decimal? WithdrawableUsd { get; init; }

    public bool? CoinListed { get; init; }

    /// <summary>The coin as the venue's <c>meta</c> lists it: tick / lot / minimum-order rules and max leverage.</summary>
    public InstrumentSpec? Instrument { get; init; }

    public decimal? Mid { get; init; }

    /// <summary>Leverage currently set for the coin on the account, if the account holds a position or set one.</summary>
    public int? CurrentLeverage { get; init; }

    public long? RequestsUsed { get; init; }

    public long? RequestsCap { get; init; }

    /// <summary>Venue clock minus local clock, in milliseconds (from the HTTP Date header).</summary>
    public long? ClockSkewMs { get; init; }

    /// <summary>The venue could not be asked (network, HTTP error): the message, without any secret.</summary>
    public string? VenueError { get; init; }

    /// <summary>The account whose state the strategy reads and trades: the configured one, else the signer.</summary>
    public Address? TradingAccount => ConfiguredAccount ?? Signer;
}
