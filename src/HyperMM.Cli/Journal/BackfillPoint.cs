namespace HyperMM.Cli.Journal;

/// <summary>
/// Where a new run starts asking the venue for fills it may have missed: the newest journaled fill of the account
/// on the coin (the venue's fills are de-duplicated by tid, so re-reading that one is harmless), else the start of
/// the first run that traded this strategy (a run killed before it journaled any fill), else nothing (first run).
/// </summary>
public static class BackfillPoint
{
    public static long? Find(string dbPath, string strategy, string account, string coin)
    {
        if (!File.Exists(dbPath))
        {
            return null;
        }

        using var connection = JournalWriter.OpenConnection(dbPath, readOnly: true);
        using var fills = connection.CreateCommand();
        fills.CommandText = "SELECT MAX(time_ms) FROM fills WHERE account = $a AND coin = $c";
        fills.Parameters.AddWithValue("$a", account);
        fills.Parameters.AddWithValue("$c", coin);
        if (fills.ExecuteScalar() is long last)
        {
            return last;
        }

        using var runs = connection.CreateCommand();
        runs.CommandText = "SELECT MIN(started_ms) FROM runs WHERE (',' || strategies || ',') LIKE $s";
        runs.Parameters.AddWithValue("$s", "%," + strategy + ",%");
        return runs.ExecuteScalar() is long started ? started : null;
    }
}
