namespace HyperMM.Cli.Sweeps;

/// <summary>
/// A walk-forward's windows (<c>--walk-forward train=T,test=S[,step=P][,calibrate=on|off]</c>, parsed by
/// <c>Commands.WalkForwardOption</c>): step is at least test (test windows never overlap); with
/// <see cref="Calibrate"/> each train window's calibration replaces the keys the model takes from the market.
/// </summary>
public sealed record WalkForwardSpec(TimeSpan Train, TimeSpan Test, TimeSpan Step, bool Calibrate)
{
    public string Describe() =>
        FormattableString.Invariant($"train {Minutes(Train)}, test {Minutes(Test)}, step {Minutes(Step)}, calibration {(Calibrate ? "on" : "off")}");

    private static string Minutes(TimeSpan t) => t.TotalSeconds % 60 == 0 ? FormattableString.Invariant($"{t.TotalMinutes:0.##} min") : FormattableString.Invariant($"{t.TotalSeconds:0.###} s");
}
