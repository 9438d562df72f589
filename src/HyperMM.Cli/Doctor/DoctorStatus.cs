namespace HyperMM.Cli.Doctor;

/// <summary>Outcome of one doctor check.</summary>
public enum DoctorStatus
{
    Ok,
    Warn,
    Fail,
}
