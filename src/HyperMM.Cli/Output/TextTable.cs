using System.Text;

namespace HyperMM.Cli.Output;

/// <summary>A plain aligned text table: first column labels, one column per item. Used where output must be diffable.</summary>
public sealed class TextTable
{
    private readonly List<string[]> _rows = [];

    public TextTable(params string[] header) => _rows.Add(header);

    public void Add(params string[] cells) => _rows.Add(cells);

    public override string ToString()
    {
        var columns = _rows.Max(r => r.Length);
        var widths = new int[columns];
        foreach (var row in _rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var sb = new StringBuilder();
        for (var r = 0; r < _rows.Count; r++)
        {
            var row = _rows[r];
            for (var i = 0; i < columns; i++)
            {
                var cell = i < row.Length ? row[i] : string.Empty;
                sb.Append(i == 0 ? cell.PadRight(widths[i]) : "  " + cell.PadLeft(widths[i]));
            }

            sb.Append('\n');
            if (r == 0)
            {
                sb.Append(new string('-', widths.Sum() + (2 * (columns - 1)))).Append('\n');
            }
        }

        return sb.ToString();
    }
}
