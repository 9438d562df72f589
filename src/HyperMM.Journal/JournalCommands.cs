using System.Globalization;
using HyperMM.Core.Primitives;
using Microsoft.Data.Sqlite;

namespace HyperMM.Journal;

/// <summary>Maps each journal entry to its INSERT.</summary>
internal static class JournalCommands
{
    public static string Text(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    public static string Text(Side side) => side == Side.Buy ? "B" : "A";

    /// <summary>Fills <paramref name="cmd"/> for <paramref name="entry"/>; false when the entry writes nothing.</summary>
    public static bool Bind(SqliteCommand cmd, JournalEntry entry, long runId)
    {
        var p = cmd.Parameters;
        p.AddWithValue("$run", runId);
        switch (entry)
        {
            case FillEntry f:
                cmd.CommandText = """
                    INSERT OR IGNORE INTO fills (run_id, strategy, account, coin, tid, oid, cloid, side, px, sz, fee, time_ms, crossed,
                        closed_pnl, start_position, hash, historical, position_after, mid_at_fill, recorded_ms, ledger_seq, ledger_ms, mid_stale)
                    VALUES ($run, $strategy, $account, $coin, $tid, $oid, $cloid, $side, $px, $sz, $fee, $time, $crossed,
                        $pnl, $start, $hash, $historical, $after, $mid, $recorded, $seq, $lms, $stale)
                    """;
                p.AddWithValue("$strategy", f.Strategy);
                p.AddWithValue("$account", f.Account);
                p.AddWithValue("$coin", f.Fill.Coin.Name);
                p.AddWithValue("$tid", f.Fill.TradeId);
                p.AddWithValue("$oid", f.Fill.OrderId.Value);
                p.AddWithValue("$cloid", (object?)f.Fill.Cloid?.ToString() ?? DBNull.Value);
                p.AddWithValue("$side", Text(f.Fill.Side));
                p.AddWithValue("$px", Text(f.Fill.Price));
                p.AddWithValue("$sz", Text(f.Fill.Size));
                p.AddWithValue("$fee", Text(f.Fill.Fee));
                p.AddWithValue("$time", f.Fill.TimeMs);
                p.AddWithValue("$crossed", f.Fill.Crossed ? 1 : 0);
                p.AddWithValue("$pnl", Text(f.Fill.ClosedPnl));
                p.AddWithValue("$start", Text(f.Fill.StartPosition));
                p.AddWithValue("$hash", (object?)f.Fill.Hash ?? DBNull.Value);
                p.AddWithValue("$historical", f.Booking.Historical ? 1 : 0);
                p.AddWithValue("$after", Text(f.Booking.PositionAfter));
                p.AddWithValue("$mid", Text(f.Booking.Mid));
                p.AddWithValue("$recorded", f.RecordedMs);
                p.AddWithValue("$seq", f.Booking.Historical ? DBNull.Value : f.Booking.Sequence);
                p.AddWithValue("$lms", f.Booking.LedgerTimeMs);
                p.AddWithValue("$stale", f.Booking.MidStale ? 1 : 0);
                return true;
            case LedgerRowEntry l:
                cmd.CommandText = "INSERT INTO ledger (run_id, strategy, seq, time_ms, kind, mid, position) VALUES ($run, $strategy, $seq, $time, $kind, $mid, $pos)";
                p.AddWithValue("$strategy", l.Strategy);
                p.AddWithValue("$seq", l.Entry.Sequence);
                p.AddWithValue("$time", l.Entry.TimeMs);
                p.AddWithValue("$kind", l.Entry.Kind.ToString());
                p.AddWithValue("$mid", Text(l.Entry.Mid));
                p.AddWithValue("$pos", Text(l.Entry.Position));
                return true;
            case OrderEntry o:
                cmd.CommandText = """
                    INSERT INTO orders (run_id, strategy, time_ms, action, cloid, oid, side, px, sz, tif, reduce_only, result, reason, message)
                    VALUES ($run, $strategy, $time, $action, $cloid, $oid, $side, $px, $sz, $tif, $ro, $result, $reason, $message)
                    """;
                p.AddWithValue("$strategy", o.Strategy);
                p.AddWithValue("$time", o.TimeMs);
                p.AddWithValue("$action", o.Action);
                p.AddWithValue("$cloid", (object?)o.Cloid ?? DBNull.Value);
                p.AddWithValue("$oid", (object?)o.OrderId ?? DBNull.Value);
                p.AddWithValue("$side", o.Request is null ? DBNull.Value : Text(o.Request.Side));
                p.AddWithValue("$px", o.Request is null ? DBNull.Value : Text(o.Request.Price));
                p.AddWithValue("$sz", o.Request is null ? DBNull.Value : Text(o.Request.Size));
                p.AddWithValue("$tif", o.Request is null ? DBNull.Value : o.Request.Tif.ToString());
                p.AddWithValue("$ro", o.Request is null ? DBNull.Value : (o.Request.ReduceOnly ? 1 : 0));
                p.AddWithValue("$result", o.Result);
                p.AddWithValue("$reason", o.Reason == HyperMM.Core.Trading.RejectReason.None ? DBNull.Value : o.Reason.ToString());
                p.AddWithValue("$message", (object?)o.Message ?? DBNull.Value);
                return true;
            case QuoteEntry q:
                cmd.CommandText = """
                    INSERT INTO quotes (run_id, strategy, time_ms, mid, sigma2_h, q, reservation_bps, raw_spread_bps, spread_bps, stage,
                        bid_px, bid_sz, ask_px, ask_sz, kept, requests, fair_value, terms, orders)
                    VALUES ($run, $strategy, $time, $mid, $sigma2, $q, $res, $raw, $spread, $stage, $bpx, $bsz, $apx, $asz, $kept, $req,
                        $fair, $terms, $orders)
                    """;
                p.AddWithValue("$strategy", q.Strategy);
                p.AddWithValue("$time", q.TimeMs);
                p.AddWithValue("$mid", Text(q.Quote.Mid));
                p.AddWithValue("$sigma2", q.Quote.Sigma2HorizonBps2);
                p.AddWithValue("$q", q.Quote.Q);
                // Every model has a centre (reservation_bps: its offset from mid), a spread before and after fill
                // pressure, a stage and a nearest order per side; its own decomposition is in the terms.
                var bid = q.Quote.Nearest(Core.Primitives.Side.Buy) ?? default;
                var ask = q.Quote.Nearest(Core.Primitives.Side.Sell) ?? default;
                p.AddWithValue("$res", q.Quote.FairValueOffsetBps);
                p.AddWithValue("$raw", q.Quote.BaseSpreadBps);
                p.AddWithValue("$spread", q.Quote.SpreadBps);
                p.AddWithValue("$stage", q.Quote.Stage);
                p.AddWithValue("$bpx", Text(bid.Price));
                p.AddWithValue("$bsz", Text(bid.Size));
                p.AddWithValue("$apx", Text(ask.Price));
                p.AddWithValue("$asz", Text(ask.Size));
                p.AddWithValue("$kept", q.Kept);
                p.AddWithValue("$req", q.Requests);
                p.AddWithValue("$fair", Text(q.Quote.FairValue));
                p.AddWithValue("$terms", QuoteEncoding.Terms(q.Quote));
                p.AddWithValue("$orders", QuoteEncoding.Orders(q.Quote));
                return true;
            case SnapshotEntry s:
                var st = s.Status;
                cmd.CommandText = """
                    INSERT INTO snapshots (run_id, strategy, coin, time_ms, mode, mid, position, max_abs_position, resting_bid, resting_ask,
                        fills, volume, realized_pnl, unrealized_pnl, fees, requests, last_error, requotes, orders_placed, fill_pressure_ms, invalid_books)
                    VALUES ($run, $strategy, $coin, $time, $mode, $mid, $pos, $max, $rb, $ra, $fills, $vol, $rpnl, $upnl, $fees, $req, $err,
                        $requotes, $placed, $pressure, $invalid)
                    """;
                p.AddWithValue("$strategy", st.Name);
                p.AddWithValue("$coin", st.Coin);
                p.AddWithValue("$time", st.TimeMs);
                p.AddWithValue("$mode", st.Mode.ToString());
                p.AddWithValue("$mid", Text(st.Quote?.Mid ?? 0m));
                p.AddWithValue("$pos", Text(st.Position));
                p.AddWithValue("$max", Text(st.MaxAbsPosition));
                p.AddWithValue("$rb", Text(st.OpenBidSize));
                p.AddWithValue("$ra", Text(st.OpenAskSize));
                var figures = st.Figures;
                p.AddWithValue("$fills", figures.Fills);
                p.AddWithValue("$vol", Text(figures.VolumeUsd));
                p.AddWithValue("$rpnl", Text(figures.RealizedPnl));
                p.AddWithValue("$upnl", Text(figures.UnrealizedPnl));
                p.AddWithValue("$fees", Text(figures.Fees));
                p.AddWithValue("$req", figures.Counters.Requests);
                p.AddWithValue("$err", (object?)st.LastError ?? DBNull.Value);
                p.AddWithValue("$requotes", figures.Counters.Requotes);
                p.AddWithValue("$placed", figures.Counters.OrdersPlaced);
                p.AddWithValue("$pressure", figures.Counters.FillPressureMs);
                p.AddWithValue("$invalid", figures.Counters.InvalidBooks);
                return true;
            case NoteEntry n:
                cmd.CommandText = "INSERT INTO notes (run_id, strategy, time_ms, level, message) VALUES ($run, $strategy, $time, $level, $message)";
                p.AddWithValue("$strategy", n.Strategy);
                p.AddWithValue("$time", n.TimeMs);
                p.AddWithValue("$level", n.Level);
                p.AddWithValue("$message", n.Message);
                return true;
            default:
                return false;
        }
    }
}
