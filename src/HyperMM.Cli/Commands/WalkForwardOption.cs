using HyperMM.Cli.Failures;
using HyperMM.Cli.Sweeps;

namespace HyperMM.Cli.Commands;

/// <summary>
/// Parses <c>--walk-forward train=T,test=S[,step=P][,calibrate=on|off]</c>: durations as in <see cref="DurationParser"/>
/// (90s, 10m, 1h); step defaults to S and may not be shorter (test windows must not overlap); calibrate defaults to on.
/// </summary>
public static class WalkForwardOption
{
    private const string Option = "--walk-forward";

    public static WalkForwardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = eq > 0 ? part[..eq].Trim() : string.Empty;
            if (key is not ("train" or "test" or "step" or "calibrate"))
            {
                throw new UsageException($"{Option}: '{part}' is not train=, test=, step= or calibrate= (example: train=10m,test=5m)");
            }

            if (!values.TryAdd(key, part[(eq + 1)..].Trim()))
            {
                throw new UsageException($"{Option}: '{key}' is given twice");
            }
        }

        if (!values.TryGetValue("train", out var train) || !values.TryGetValue("test", out var test))
        {
            throw new UsageException($"{Option}: needs train= and test= (example: train=10m,test=5m)");
        }

        var trainSpan = DurationParser.Parse($"{Option} train", train);
        var testSpan = DurationParser.Parse($"{Option} test", test);
        var step = values.TryGetValue("step", out var s) ? DurationParser.Parse($"{Option} step", s) : testSpan;
        if (step < testSpan)
        {
            throw new UsageException($"{Option}: step {s} is shorter than test {test}: test windows would overlap and count the same data twice out of sample");
        }

        var calibrate = values.GetValueOrDefault("calibrate", "on") switch
        {
            "on" or "yes" or "true" => true,
            "off" or "no" or "false" => false,
            var other => throw new UsageException($"{Option}: calibrate={other} is not on or off"),
        };
        return new WalkForwardSpec(trainSpan, testSpan, step, calibrate);
    }
}
