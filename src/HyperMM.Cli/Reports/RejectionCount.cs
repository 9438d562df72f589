namespace HyperMM.Cli.Reports;

/// <summary>How many orders the venue (or our pre-checks) rejected for one reason.</summary>
public sealed record RejectionCount(string Reason, long Count);
