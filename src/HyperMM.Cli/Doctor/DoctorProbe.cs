using HyperMM.Core.Model;
using HyperMM.Core.Primitives;

namespace HyperMM.Cli.Doctor;

/// <summary>
/// Gathers <see cref="DoctorFacts"/> for one strategy: reads its key variable (the text is only turned into an
/// address, never kept or shown), then asks the venue. A failing venue call ends the gathering with
/// <see cref="DoctorFacts.VenueError"/> set; the rules report it once.
/// </summary>
public static class DoctorProbe
{
    /// <summary>Turns key text into the address it signs as; throws <see cref="FormatException"/> (without the text) when it is not a key.</summary>
    public delegate Address KeyToAddress(string keyText);

    public static async Task<DoctorFacts> GatherAsync(
        StrategyParameters strategy,
        Func<string, string?> environment,
        KeyToAddress keyToAddress,
        IDoctorVenue venue,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(keyToAddress);
        ArgumentNullException.ThrowIfNull(venue);
        var facts = new DoctorFacts { KeyVariable = strategy.KeyEnvironmentVariable, ConfiguredAccount = strategy.Account };
        var keyText = environment(strategy.KeyEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(keyText))
        {
            return facts;
        }

        facts = facts with { KeyVariableSet = true };
        Address signer;
        try
        {
            signer = keyToAddress(keyText.Trim());
        }
        catch (FormatException ex)
        {
            return facts with { KeyProblem = ex.Message };
        }

        facts = facts with { Signer = signer };
        try
        {
            var account = strategy.Account ?? signer;
            var role = await venue.UserRoleAsync(signer, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<Address>? agents = null;
            if (strategy.Account is { } configured && configured != signer && !(role.Role == "agent" && role.Master == configured))
            {
                agents = await venue.ExtraAgentsAsync(configured, cancellationToken).ConfigureAwait(false);
            }

            var state = await venue.AccountStateAsync(account, strategy.Coin, cancellationToken).ConfigureAwait(false);
            var market = await venue.MarketAsync(strategy.Coin, cancellationToken).ConfigureAwait(false);
            var (used, cap) = await venue.RequestBudgetAsync(account, cancellationToken).ConfigureAwait(false);
            var skew = await venue.ClockSkewMsAsync(cancellationToken).ConfigureAwait(false);
            return facts with
            {
                SignerRole = role,
                AccountAgents = agents,
                AccountValueUsd = state.AccountValueUsd,
                WithdrawableUsd = state.WithdrawableUsd,
                CurrentLeverage = state.CoinLeverage,
                CoinListed = market is not null,
                Instrument = market?.Instrument,
                Mid = market?.Mid,
                RequestsUsed = used,
                RequestsCap = cap,
                ClockSkewMs = skew,
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or IOException or InvalidDataException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return facts with { VenueError = ex.Message };
        }
    }
}
