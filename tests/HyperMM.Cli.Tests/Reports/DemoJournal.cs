using HyperMM.Core.Accounting;
using HyperMM.Core.Primitives;

namespace HyperMM.Cli.Tests.Reports;

/// <summary>
/// A plausible 20-minute run of the three strategies (deterministic random walk, quotes every 2 s, fills when the
/// walk crosses our quote, snapshots every 10 s, a few rejections and notes), for the dashboard test and the
/// documentation images. Numbers here are illustrative, never asserted against.
/// </summary>
public static class DemoJournal
{
    public static readonly string[] Strategies = ["mm_eth_perp", "mm_btc_perp", "mm_hype_perp"];

    public const long Seconds = 1200;

    public static void Write(TestJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var sql = new List<string> { "BEGIN;" };
        var setups = new (string Name, string Coin, decimal Mid, decimal Unit, decimal Cap, int Decimals)[]
        {
            ("mm_eth_perp", "ETH", 3000m, 0.01m, 0.05m, 2),
            ("mm_btc_perp", "BTC", 90000m, 0.0002m, 0.001m, 1),
            ("mm_hype_perp", "HYPE", 30m, 1m, 5m, 3),
        };
        var rng = new Random(7);
        long tid = 1;
        foreach (var (name, coin, startMid, unit, cap, decimals) in setups)
        {
            var mid = startMid;
            var position = 0m;
            var ledger = new TradeLedger(TestJournal.T0);
            long lastFill = 0;
            long requests = 0;
            for (long t = 0; t <= Seconds; t += 2)
            {
                var step = (decimal)((rng.NextDouble() - 0.5) * 0.0012);
                mid = Math.Round(mid * (1m + step), decimals);
                var stage = t - lastFill > 60 ? 1 : 0;
                var half = mid * (stage == 1 ? 0.0002m : 0.0004m);
                var skew = position / cap * half;
                var bid = Math.Round(mid - half - skew, decimals);
                var ask = Math.Round(mid + half - skew, decimals);
                requests += 2;
                sql.Add(TestJournal.QuoteSql(name, t, mid, bid, ask, (double)((ask - bid) / mid * 10_000m), stage));
                sql.Add(TestJournal.OrderSql(name, t, "modify", "resting"));
                if (rng.NextDouble() < 0.01)
                {
                    sql.Add(TestJournal.OrderSql(name, t, "place", "rejected", "PostOnlyWouldCross"));
                }

                var u = rng.NextDouble();
                Side? side = u < 0.06 && position + unit <= cap ? Side.Buy : u > 0.94 && position - unit >= -cap ? Side.Sell : null;
                if (side is { } s)
                {
                    var px = s == Side.Buy ? bid : ask;
                    position += s == Side.Buy ? unit : -unit;
                    var fee = Math.Round(px * unit * 0.00015m, 6);
                    ledger.Apply(new LedgerFill(TestJournal.T0 + (t * 1000), s, px, unit, fee, false, mid, false));
                    sql.Add(TestJournal.FillSql(name, coin, tid++, t, s == Side.Buy ? "B" : "A", px, unit, fee, mid, position));
                    lastFill = t;
                }

                if (t % 10 == 0)
                {
                    ledger.Mark(TestJournal.T0 + (t * 1000), mid);
                    var error = name == "mm_hype_perp" && t > 900 ? "order rejected: PostOnlyWouldCross (re-priced behind the touch)" : null;
                    sql.Add(TestJournal.SnapshotSql(name, coin, t, position, cap, requests, stage == 1 ? "FillPressure" : "Quoting", 1, error, mid,
                        ledger.Fills, ledger.VolumeUsd, ledger.RealizedPnl, ledger.UnrealizedPnl, ledger.Fees));
                }
            }
        }

        sql.Add(TestJournal.NoteSql("mm_btc_perp", 600, "warn", "WebSocket closed; REST resync before quoting resumes"));
        sql.Add("COMMIT;");
        journal.Exec(string.Join('\n', sql));
    }
}
