using System.Globalization;
using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;

namespace HyperMM.Cli.Doctor;

/// <summary>
/// Judges what <see cref="DoctorFacts"/> found for one strategy. Each rule says what it saw and, when something is
/// wrong, the one thing to do about it. The account rules follow PROTOCOL §8 (signer → account checks).
/// </summary>
public static class DoctorRules
{
    /// <summary>Request budget left under which the doctor warns (the engine slows down well before zero).</summary>
    public const long LowBudgetRequests = 1_000;

    /// <summary>Clock difference that is worth a warning: nonces are milliseconds and the venue's window is days,
    /// but a skewed clock also shifts every journal timestamp and the dead-man switch.</summary>
    public const long ClockSkewWarnMs = 2_000;

    public static IReadOnlyList<DoctorFinding> Evaluate(StrategyParameters strategy, DoctorFacts facts)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(facts);
        var list = new List<DoctorFinding>();
        void Add(string check, DoctorStatus status, string detail, string? fix = null) =>
            list.Add(new DoctorFinding(strategy.Name, check, status, detail, fix));

        if (!facts.KeyVariableSet)
        {
            Add("key", DoctorStatus.Fail, $"environment variable {facts.KeyVariable} is not set",
                $"export {facts.KeyVariable}=0x<64 hex digits of the API wallet's private key> (never put it in the config file)");
            return list;
        }

        if (facts.KeyProblem is not null || facts.Signer is not { } signer)
        {
            Add("key", DoctorStatus.Fail, $"{facts.KeyVariable} is set but is not a private key: {facts.KeyProblem}",
                "the value must be 32 bytes as 64 hex digits, with or without 0x");
            return list;
        }

        Add("key", DoctorStatus.Ok, $"{facts.KeyVariable} signs as {signer}");
        if (facts.VenueError is not null)
        {
            Add("venue", DoctorStatus.Fail, "the venue could not be asked: " + facts.VenueError,
                "check the network (--network) and that the venue is reachable, then run doctor again");
            return list;
        }

        CheckAccount(facts, signer, Add);
        CheckFunds(strategy, facts, Add);
        CheckCoin(strategy, facts, Add);
        CheckBudget(facts, Add);
        CheckClock(facts, Add);
        return list;
    }

    /// <summary>
    /// Only the signer → account relation (PROTOCOL §8): what <c>hypermm run</c> checks before it lets a strategy
    /// trade on a real network.
    /// </summary>
    public static DoctorFinding AccountFinding(StrategyParameters strategy, DoctorFacts facts)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(facts);
        DoctorFinding? found = null;
        CheckAccount(facts, facts.Signer ?? throw new ArgumentException("the facts carry no signer", nameof(facts)),
            (check, status, detail, fix) => found = new DoctorFinding(strategy.Name, check, status, detail, fix));
        return found!;
    }

    private static void CheckAccount(DoctorFacts facts, Address signer, Action<string, DoctorStatus, string, string?> add)
    {
        var role = facts.SignerRole ?? AccountRole.Missing;
        if (facts.ConfiguredAccount is not { } account || account == signer)
        {
            // The key is the account's own (master) key.
            switch (role.Role)
            {
                case "user":
                    add("account", DoctorStatus.Ok, $"{signer} is an account (master key)", null);
                    break;
                case "agent":
                    add("account", DoctorStatus.Fail,
                        $"{signer} is an API wallet of {role.Master}, but the config names {(facts.ConfiguredAccount is null ? "no account" : signer.ToString())}",
                        $"set `account: \"{role.Master}\"` for this strategy so it reads and trades that account");
                    break;
                case "missing":
                    add("account", DoctorStatus.Fail,
                        $"{signer} has no account on this network (never funded, or the key is an API wallet that is not approved)",
                        "deposit to this address on this network, or set `account:` to the master account and approve this key as its API wallet");
                    break;
                default:
                    add("account", DoctorStatus.Fail, $"{signer} is a {role.Role}, which cannot sign for itself here",
                        "use the master account's key or an API wallet approved by it");
                    break;
            }

            return;
        }

        if (role.Role == "agent" && role.Master == account)
        {
            add("account", DoctorStatus.Ok, $"{signer} is an approved API wallet of {account}", null);
            return;
        }

        if (role.Role == "agent" && role.Master is { } other)
        {
            add("account", DoctorStatus.Fail,
                $"the key belongs to another account: {signer} is an API wallet of {other}, not of the configured {account}",
                $"use the API wallet key approved by {account}, or set `account: \"{other}\"` if that is the account you meant");
            return;
        }

        if (facts.AccountAgents is { } agents && agents.Contains(signer))
        {
            add("account", DoctorStatus.Ok, $"{signer} is listed among {account}'s API wallets", null);
            return;
        }

        var why = role.Role switch
        {
            "missing" => $"{signer} is not approved as an API wallet on this network (never approved, expired or pruned); every order would fail with \"User or API Wallet {signer} does not exist.\"",
            _ => $"{signer} is a {role.Role}, not an API wallet of {account}",
        };
        add("account", DoctorStatus.Fail, why,
            $"approve the key from {account}: in the web app (More → API) or with an approveAgent action signed by the master key (hypermm sign)");
    }

    private static void CheckFunds(StrategyParameters strategy, DoctorFacts facts, Action<string, DoctorStatus, string, string?> add)
    {
        if (facts.AccountValueUsd is not { } value)
        {
            return;
        }

        if (value <= 0m)
        {
            add("margin", DoctorStatus.Fail, $"{facts.TradingAccount} holds no margin on this network (account value 0)",
                "deposit USDC to the account; if you configured the API wallet's address as the account, configure the master address instead");
            return;
        }

        if (facts.Mid is not { } mid || mid <= 0m)
        {
            add("margin", DoctorStatus.Ok, $"account value {Usd(value)}", null);
            return;
        }

        var leverage = Math.Max(1, facts.CurrentLeverage ?? strategy.Leverage);
        // Worst case the strategy holds its full cap: that notional divided by the leverage is the margin it ties up.
        var needed = strategy.MaxAbsPosition * mid / leverage;
        var free = facts.WithdrawableUsd ?? value;
        if (free < needed)
        {
            add("margin", DoctorStatus.Warn,
                $"free margin {Usd(free)} is below the {Usd(needed)} a full position of {strategy.MaxAbsPosition} {strategy.Coin} needs at {leverage}x",
                "deposit more, raise leverage, or lower mm_max_abs_position; otherwise orders near the cap are rejected for insufficient margin");
        }
        else
        {
            add("margin", DoctorStatus.Ok, $"free margin {Usd(free)} (full position needs {Usd(needed)} at {leverage}x)", null);
        }
    }

    private static void CheckCoin(StrategyParameters strategy, DoctorFacts facts, Action<string, DoctorStatus, string, string?> add)
    {
        if (facts.CoinListed == false)
        {
            add("coin", DoctorStatus.Fail, $"{strategy.Coin} is not a perp listed on this network",
                "check the coin name in the config (perps are named without -PERP, e.g. ETH)");
            return;
        }

        if (facts.Instrument is not { } instrument || facts.Mid is not { } mid || mid <= 0m)
        {
            return;
        }

        add("coin", DoctorStatus.Ok, $"{strategy.Coin} listed, mid {mid.ToString(CultureInfo.InvariantCulture)}, lot {instrument.LotSize.ToString(CultureInfo.InvariantCulture)}", null);
        var minimum = "$" + instrument.MinOrderNotional.ToString("0.##", CultureInfo.InvariantCulture);
        var baseSize = instrument.RoundSizeDown(strategy.OrderSize);
        var baseNotional = baseSize * mid;
        // The smallest order the model asks for: quoted at a full long position (the side against the inventory
        // shrinks most; Avellaneda-Stoikov: exp(-size_skew) of the base size).
        var multiplier = SmallestSizeMultiplier(strategy, instrument, mid);
        var skewed = instrument.RoundSizeDown(strategy.OrderSize * multiplier);
        var skewedNotional = skewed * mid;
        if (!instrument.MeetsMinNotional(mid, baseSize))
        {
            add("size", DoctorStatus.Fail,
                $"base size {baseSize} {strategy.Coin} is {Usd(baseNotional)} at the current price, under the venue's {minimum} minimum: no order can be placed",
                $"raise mm_order_size to at least {instrument.MinimumSizeAt(mid)}");
        }
        else if (!instrument.MeetsMinNotional(mid, skewed))
        {
            add("size", DoctorStatus.Warn,
                $"base size is {Usd(baseNotional)}, but skewed at full inventory it falls to {skewed} ({Usd(skewedNotional)}) under {minimum}: that side is dropped there, or raised to {minimum} when it reduces inventory",
                $"raise mm_order_size to {instrument.MinimumSizeAt(mid * multiplier)} or lower the model's size skew");
        }
        else
        {
            add("size", DoctorStatus.Ok, $"base size {Usd(baseNotional)}, smallest skewed size {Usd(skewedNotional)}", null);
        }

        var max = instrument.MaxLeverage;
        if (strategy.Leverage > max)
        {
            add("leverage", DoctorStatus.Fail, $"configured leverage {strategy.Leverage}x is above {strategy.Coin}'s maximum {max}x",
                $"set leverage to at most {max}");
        }
        else
        {
            add("leverage", DoctorStatus.Ok,
                $"configured {strategy.Leverage}x" + (facts.CurrentLeverage is { } cur ? $", account currently at {cur}x" : string.Empty) +
                $", maximum {max}x", null);
        }
    }

    private static void CheckBudget(DoctorFacts facts, Action<string, DoctorStatus, string, string?> add)
    {
        if (facts.RequestsUsed is not { } used || facts.RequestsCap is not { } cap)
        {
            return;
        }

        var left = cap - used;
        if (left <= 0)
        {
            add("budget", DoctorStatus.Fail, $"request budget exhausted ({used} used of {cap})",
                "trade volume frees 1 request per USDC traded; or buy capacity with reserveRequestWeight; until then only 1 request per 10 s is allowed");
        }
        else if (left < LowBudgetRequests)
        {
            add("budget", DoctorStatus.Warn, $"only {left} requests left ({used} of {cap})",
                "use requote_mode amend and a longer cycle interval; trade volume raises the cap");
        }
        else
        {
            add("budget", DoctorStatus.Ok, $"{left} requests left ({used} of {cap})", null);
        }
    }

    private static void CheckClock(DoctorFacts facts, Action<string, DoctorStatus, string, string?> add)
    {
        if (facts.ClockSkewMs is not { } skew)
        {
            return;
        }

        if (Math.Abs(skew) > ClockSkewWarnMs)
        {
            add("clock", DoctorStatus.Warn, $"local clock differs from the venue's by {skew} ms",
                "enable time synchronisation (e.g. systemd-timesyncd or chrony)");
        }
        else
        {
            add("clock", DoctorStatus.Ok, $"clock within {Math.Abs(skew)} ms of the venue", null);
        }
    }

    private static string Usd(decimal value) => "$" + Math.Round(value, 2).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The smallest model size over the base size when the model quotes at +cap on a one-tick book at <paramref name="mid"/>.</summary>
    private static decimal SmallestSizeMultiplier(StrategyParameters strategy, InstrumentSpec instrument, decimal mid)
    {
        var tick = instrument.TickAt(mid);
        var top = new TopOfBook(mid - tick, 1m, mid + tick, 1m);
        var stats = new MarketStatistics(strategy.Volatility.PriorStdBps1s * strategy.Volatility.PriorStdBps1s * strategy.Volatility.HorizonSeconds, strategy.Volatility.PriorStdBps1s * strategy.Volatility.PriorStdBps1s);
        var quote = strategy.CreateModel(instrument).Quote(new QuoteContext(top, null, strategy.MaxAbsPosition, 0m, 0m, stats, 0.0, 0));
        var smallest = quote.Orders.Where(o => o.ModelSize > 0.0).Select(o => o.ModelSize).DefaultIfEmpty((double)strategy.OrderSize).Min();
        return (decimal)(smallest / (double)strategy.OrderSize);
    }
}
