namespace HyperMM.Cli.Failures;

/// <summary>
/// The exit codes every <c>hypermm</c> command uses (docs/OPERATIONS.md has the table). A script can tell a trading
/// problem from a typo, an unreachable venue, a broken journal or a second engine on the same account.
/// </summary>
public static class ExitCodes
{
    /// <summary>Everything asked for was done (for run and cancel-all: no order of ours is left on the venue).</summary>
    public const int Ok = 0;

    /// <summary>A trading failure: a strategy failed, orders were left (or could not be confirmed gone), the doctor found a failure.</summary>
    public const int TradingFailure = 1;

    /// <summary>A user mistake: bad argument, configuration or data file.</summary>
    public const int Usage = 2;

    /// <summary>The venue could not be reached (refused, timed out, failing) at the URL named in the message.</summary>
    public const int VenueUnreachable = 3;

    /// <summary>The journal could not be opened, read or written.</summary>
    public const int JournalError = 4;

    /// <summary>Another live run holds the trading account's or the journal's lease.</summary>
    public const int LeaseHeld = 5;
}
