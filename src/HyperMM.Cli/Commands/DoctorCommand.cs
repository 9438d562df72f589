using System.CommandLine;
using HyperMM.Cli.Doctor;
using HyperMM.Cli.Failures;
using HyperMM.Cli.Hosting;
using HyperMM.Hyperliquid.Accounts;
using HyperMM.Hyperliquid.Info;
using HyperMM.Hyperliquid.Signing;
using HyperMM.Hyperliquid.Transport;

namespace HyperMM.Cli.Commands;

/// <summary>
/// <c>hypermm doctor</c>: for each strategy, checks its key, the account it may trade, margin, coin, size, leverage,
/// request budget and clock, and says how to fix what fails. Reads only; signs and sends nothing.
/// </summary>
public static class DoctorCommand
{
    public static Command Build()
    {
        var venue = new VenueOptions();
        var command = new Command("doctor", "Check each strategy's key, account, margin, coin, size, leverage, budget and clock, and explain how to fix failures.");
        venue.AddTo(command);
        command.WithExamples(
            "hypermm doctor --network local --exchange-url http://127.0.0.1:5123 --keys-file keys.env");
        command.SetAction((parse, _) => CommandRunner.RunAsync(parse, async () =>
        {
            var settings = venue.Read(parse);
            HyperliquidEndpoint endpoint;
            Func<string, string?> environment = Environment.GetEnvironmentVariable;
            switch (settings.Network)
            {
                case "testnet":
                    endpoint = HyperliquidEndpoint.Testnet;
                    break;
                case "mainnet":
                    endpoint = HyperliquidEndpoint.Mainnet;
                    break;
                default:
                    VenueOptions.RequireOutsideVenue(settings, "doctor");
                    endpoint = HyperliquidEndpoint.Custom(settings.ExchangeUrl!, isMainnet: false);
                    if (settings.KeysFile is { } file)
                    {
                        var values = RehearsalKeys.Load(file);
                        environment = name => values.Get(name) ?? Environment.GetEnvironmentVariable(name);
                        settings = settings with
                        {
                            Strategies = [.. settings.Strategies.Select(s => s.Account is null && Core.Primitives.Address.TryParse(values.Get(RehearsalKeys.AccountVariableFor(s.KeyEnvironmentVariable)), out var acct) ? s with { Account = acct } : s)],
                        };
                    }

                    break;
            }

            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var rateLimit = new RateLimitGate(TimeProvider.System);
            rateLimit.Waiting += (_, line) => parse.InvocationConfiguration.Error.WriteLine(line);
            var info = new InfoClient(new HttpTransport(http, TimeSpan.FromSeconds(10), rateLimit), endpoint, TimeProvider.System);
            var doctorVenue = new InfoDoctorVenue(info, TimeProvider.System);
            var findings = new List<DoctorFinding>();
            foreach (var strategy in settings.Strategies)
            {
                DoctorFacts facts;
                try
                {
                    facts = await DoctorProbe.GatherAsync(strategy, environment, KeyToAddress, doctorVenue, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception ex) when (VenueUnreachableException.IsUnreachable(ex))
                {
                    // Nothing can be checked without the venue: one line, exit code 3 (no stack trace, no half report).
                    throw VenueUnreachableException.For(endpoint, ex);
                }

                findings.AddRange(DoctorRules.Evaluate(strategy, facts));
            }

            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync($"hypermm doctor: {endpoint}").ConfigureAwait(false);
            await output.WriteAsync(DoctorFormatter.Format(findings)).ConfigureAwait(false);
            return findings.Any(f => f.Status == DoctorStatus.Fail) ? 1 : 0;
        }));
        return command;
    }

    private static Core.Primitives.Address KeyToAddress(string text) =>
        PrivateKey.TryParse(text, out var key) ? key.Address : throw new FormatException("expected 0x followed by 64 hex digits of a valid secp256k1 key");
}
