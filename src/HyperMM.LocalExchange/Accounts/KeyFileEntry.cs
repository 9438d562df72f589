namespace HyperMM.LocalExchange.Accounts;

/// <summary>One account in a key file, with the environment variable names the strategy reads.</summary>
public sealed record KeyFileEntry(RehearsalAccount Account, string KeyEnvironmentVariable, string AccountEnvironmentVariable);
