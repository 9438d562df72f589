using System.Globalization;

namespace HyperMM.Simulation.Backtest;

/// <summary>
/// A one-way delay in milliseconds, drawn per message: constant, uniform on [min, max], or lognormal given its
/// median and 99th percentile (σ = ln(p99 / median) / 2.3263, the standard normal's 99 % point). Draws are rounded to
/// whole milliseconds and capped at <see cref="MaxMs"/>. Text form (<see cref="Parse"/>, <see cref="ToString"/>):
/// <c>20</c> or <c>constant:20</c>, <c>uniform:min=10,max=30</c>, <c>lognormal:median=20,p99=80</c>.
/// </summary>
public sealed record LatencyDistribution
{
    /// <summary>Largest delay a draw can give (60 s).</summary>
    public const double MaxMs = 60_000;

    /// <summary>z of the standard normal's 99th percentile.</summary>
    private const double Z99 = 2.3263478740408408;

    private LatencyDistribution(LatencyShape shape, double a, double b)
    {
        Shape = shape;
        A = a;
        B = b;
    }

    public LatencyShape Shape { get; }

    /// <summary>Constant: the delay; uniform: min; lognormal: median (ms).</summary>
    public double A { get; }

    /// <summary>Uniform: max; lognormal: p99 (ms); constant: unused.</summary>
    public double B { get; }

    /// <summary>True when every draw is 0.</summary>
    public bool IsZero => Shape == LatencyShape.Constant && A == 0;

    public static LatencyDistribution Zero { get; } = Constant(0);

    public static LatencyDistribution Constant(double ms)
    {
        Check(ms, "the delay");
        return new(LatencyShape.Constant, ms, 0);
    }

    public static LatencyDistribution Uniform(double minMs, double maxMs)
    {
        Check(minMs, "min");
        Check(maxMs, "max");
        return minMs <= maxMs ? new(LatencyShape.Uniform, minMs, maxMs) : throw new ArgumentException($"min {F(minMs)} must not exceed max {F(maxMs)}");
    }

    public static LatencyDistribution LogNormal(double medianMs, double p99Ms)
    {
        Check(medianMs, "median");
        Check(p99Ms, "p99");
        return medianMs > 0 && p99Ms > medianMs
            ? new(LatencyShape.LogNormal, medianMs, p99Ms)
            : throw new ArgumentException($"lognormal needs 0 < median < p99, got median {F(medianMs)}, p99 {F(p99Ms)}");
    }

    /// <summary>One delay in whole milliseconds. Constant draws do not touch <paramref name="random"/>.</summary>
    public long SampleMs(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var ms = Shape switch
        {
            LatencyShape.Constant => A,
            LatencyShape.Uniform => A + ((B - A) * random.NextDouble()),
            _ => A * Math.Exp(Math.Log(B / A) / Z99 * StandardNormal(random)),
        };
        return (long)Math.Round(Math.Min(ms, MaxMs), MidpointRounding.AwayFromZero);
    }

    /// <summary>Reads the text form; <see cref="ArgumentException"/> with one line saying what is wrong.</summary>
    public static LatencyDistribution Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spec = text.Trim();
        if (double.TryParse(spec, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain))
        {
            return Constant(plain);
        }

        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? spec : spec[..colon];
        var rest = colon < 0 ? string.Empty : spec[(colon + 1)..];
        switch (kind)
        {
            case "constant" when double.TryParse(rest, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms):
                return Constant(ms);
            case "uniform":
            {
                var args = Arguments(rest, kind, "min", "max");
                return Uniform(args["min"], args["max"]);
            }

            case "lognormal":
            {
                var args = Arguments(rest, kind, "median", "p99");
                return LogNormal(args["median"], args["p99"]);
            }

            default:
                throw new ArgumentException($"'{text}' is not a latency (expected N, constant:N, uniform:min=A,max=B or lognormal:median=M,p99=Q, in ms)");
        }
    }

    public override string ToString() => Shape switch
    {
        LatencyShape.Constant => "constant:" + F(A),
        LatencyShape.Uniform => $"uniform:min={F(A)},max={F(B)}",
        _ => $"lognormal:median={F(A)},p99={F(B)}",
    };

    /// <summary>Exactly the two <c>key=number</c> pairs <paramref name="first"/> and <paramref name="second"/>.</summary>
    private static Dictionary<string, double> Arguments(string text, string kind, string first, string second)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !double.TryParse(part[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new ArgumentException($"{kind}: '{part}' is not key=number");
            }

            var key = part[..eq];
            if (key != first && key != second)
            {
                throw new ArgumentException($"{kind}: unknown key '{key}' (allowed: {first}, {second})");
            }

            result[key] = value;
        }

        foreach (var key in new[] { first, second })
        {
            if (!result.ContainsKey(key))
            {
                throw new ArgumentException($"{kind}: '{key}' is missing (expected {kind}:{first}=A,{second}=B)");
            }
        }

        return result;
    }

    private static void Check(double ms, string what)
    {
        if (!(ms >= 0) || ms > MaxMs)
        {
            throw new ArgumentException($"{what} must be between 0 and {F(MaxMs)} ms, got {F(ms)}");
        }
    }

    /// <summary>Box-Muller: one standard normal draw from two uniforms.</summary>
    private static double StandardNormal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
