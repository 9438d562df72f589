using System.Globalization;
using Microsoft.Data.Sqlite;

namespace HyperMM.Journal;

/// <summary>Reads a decimal the journal stored as invariant TEXT (exactly as written).</summary>
internal static class JournalDecimal
{
    public static decimal Dec(SqliteDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return decimal.Parse(reader.GetString(ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
