using System.Globalization;
using System.Text;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;

namespace HyperMM.Journal;

/// <summary>
/// The compact text the quotes table keeps of any model's quote: its terms as <c>key=value;...</c> (numbers in
/// round-trip form) and its desired orders as <c>side level price size tif flags;...</c> (side B or A, as the fills table; flags: r
/// reduce-only, x crosses, - neither; a level not quoted has size 0 and its status after a slash, e.g. <c>0/AtCap</c>).
/// </summary>
public static class QuoteEncoding
{
    public static string Terms(ModelQuote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return string.Join(';', quote.Terms.Select(t => t.Key + "=" + t.Value.ToString("R", CultureInfo.InvariantCulture)));
    }

    public static string Orders(ModelQuote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var sb = new StringBuilder();
        foreach (var o in quote.Orders)
        {
            if (sb.Length > 0)
            {
                sb.Append(';');
            }

            var size = o.IsQuoted ? JournalCommands.Text(o.Size) : "0/" + o.Status;
            var flags = (o.ReduceOnly ? "r" : string.Empty) + (o.Crosses ? "x" : string.Empty);
            sb.Append(CultureInfo.InvariantCulture, $"{JournalCommands.Text(o.Side)} {o.Level} {JournalCommands.Text(o.Price)} {size} {o.Tif} {(flags.Length == 0 ? "-" : flags)}");
        }

        return sb.ToString();
    }
}
