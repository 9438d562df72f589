using System.CommandLine;
using System.Globalization;
using HyperMM.Cli.Failures;
using HyperMM.LocalExchange;
using HyperMM.LocalExchange.Load;

namespace HyperMM.Cli.Commands;

/// <summary>
/// <c>hypermm exchange-load</c>: starts a local exchange in this process and sends signed actions from several
/// clients for a bounded time; prints accepted actions per second and latency percentiles. The per-IP weight limit
/// is switched off and the address budget raised for the run (every client comes from 127.0.0.1); signature
/// recovery, nonces and matching stay on.
/// </summary>
public static class ExchangeLoadCommand
{
    public static Command Build()
    {
        var clients = new Option<int>("--clients") { Description = "Concurrent clients (own account and API wallet each).", DefaultValueFactory = _ => 4 };
        var seconds = new Option<double>("--seconds") { Description = "How long to send.", DefaultValueFactory = _ => 10 };
        var inFlight = new Option<int>("--in-flight") { Description = "Requests each client keeps in flight.", DefaultValueFactory = _ => 2 };
        var ws = new Option<bool>("--ws") { Description = "Send with the WebSocket post instead of HTTP." };
        var command = new Command("exchange-load", "Load-test the local exchange: signed actions from several clients for a fixed time.")
        {
            clients, seconds, inFlight, ws,
        };
        command.WithExamples(
            "hypermm exchange-load --clients 2 --seconds 3");
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async () =>
        {
            var n = parse.GetValue(clients);
            var s = parse.GetValue(seconds);
            var lanes = parse.GetValue(inFlight);
            if (n is < 1 or > 64)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--clients must be in 1..64, got {n}"));
            }

            if (double.IsNaN(s) || s <= 0 || s > 600)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--seconds must be in (0, 600], got {s}"));
            }

            if (lanes is < 1 or > 64)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--in-flight must be in 1..64, got {lanes}"));
            }

            var output = parse.InvocationConfiguration.Output;
            await using var venue = await LocalExchangeServer.StartAsync(new LocalExchangeOptions { IpWeightPerMinute = 0, AddressRequestBuffer = 1_000_000_000, WebSocketLimits = LocalExchange.Ws.WsLimits.Off }, null, ct).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"local exchange on {venue.BaseUrl}; {n} clients x {lanes} in flight over {(parse.GetValue(ws) ? "WebSocket post" : "HTTP")} for {s} s, signer recovery on")).ConfigureAwait(false);
            var report = await LoadRunner.RunAsync(venue, new LoadOptions { Clients = n, Duration = TimeSpan.FromSeconds(s), InFlightPerClient = lanes, OverWebSocket = parse.GetValue(ws) }, ct).ConfigureAwait(false);
            await output.WriteLineAsync(report.ToString()).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"venue counted {venue.Venue.AcceptedActions} authenticated actions")).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
