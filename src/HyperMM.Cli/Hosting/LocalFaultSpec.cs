using System.Globalization;
using HyperMM.Cli.Commands;
using HyperMM.Cli.Failures;
using HyperMM.LocalExchange.Faults;

namespace HyperMM.Cli.Hosting;

/// <summary>
/// Parses <c>hypermm run --local-faults</c>: comma-separated switches named like <c>hypermm exchange</c>'s fault
/// flags, e.g. <c>drop-ws-every=20,http-fail-fraction=0.05,http-429-burst=10,reject-next-orders=3,pause-feed</c>.
/// </summary>
public static class LocalFaultSpec
{
    public const string Names = "drop-ws-every=SECONDS, http-fail-fraction=0..1, http-delay-fraction=0..1, http-delay-ms=MS, http-429-burst=N, reject-next-orders=N, pause-feed";

    public static FaultOptions Parse(string? text)
    {
        var options = new FaultOptions();
        if (string.IsNullOrWhiteSpace(text))
        {
            return options;
        }

        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? null : part[(eq + 1)..];
            options = name switch
            {
                "drop-ws-every" => options with { DropWebSocketsEvery = TimeSpan.FromSeconds(Number(part, value, 0.1, 86_400)) },
                "http-fail-fraction" => options with { HttpFailFraction = Number(part, value, 0, 1) },
                "http-delay-fraction" => options with { HttpDelayFraction = Number(part, value, 0, 1) },
                "http-delay-ms" => options with { HttpDelay = TimeSpan.FromMilliseconds(Number(part, value, 0, 60_000)) },
                "http-429-burst" => options with { Http429Burst = (int)Number(part, value, 0, 1_000_000) },
                "reject-next-orders" => options with { RejectNextOrders = (int)Number(part, value, 0, 1_000_000) },
                "pause-feed" when value is null => options with { FeedPaused = true },
                _ => throw new UsageException($"--local-faults: unknown switch '{part}' (known: {Names})"),
            };
        }

        return options;
    }

    /// <summary>Throws <see cref="UsageException"/> for a spec <see cref="Parse"/> would refuse.</summary>
    public static void Validate(string? text) => Parse(text);

    private static double Number(string part, string? value, double min, double max)
    {
        if (value is null || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number) || number < min || number > max)
        {
            throw new UsageException($"--local-faults: '{part}' needs a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        }

        return number;
    }
}
