namespace HyperMM.Journal;

/// <summary>An order or cancel the venue refused (result rejected or failed), with the reason and message it gave.</summary>
public sealed record JournaledFailure(long TimeMs, string Strategy, string Action, string Reason, string Message);
