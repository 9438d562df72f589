namespace HyperMM.Journal;

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

        using var journal = new JournalReader(dbPath);
        return journal.LastFillTime(account, coin) ?? journal.FirstRunStart(strategy);
    }
}
