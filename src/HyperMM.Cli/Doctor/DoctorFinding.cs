namespace HyperMM.Cli.Doctor;

/// <summary>One check for one strategy: what was found, and when it is not fine, how to fix it.</summary>
public sealed record DoctorFinding(string Strategy, string Check, DoctorStatus Status, string Detail, string? Fix = null);
