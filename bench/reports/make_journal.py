#!/usr/bin/env python3
"""Writes a synthetic journal (the schema of src/HyperMM.Cli/Journal/JournalSchema.cs) for timing `hypermm report`
and `hypermm dashboard`: 3 strategies x 8 h, one quote a second, ~5% of seconds a fill, a snapshot every 5 s.
Usage: python3 bench/reports/make_journal.py /tmp/rep-big.db"""
import os, random, sqlite3, sys

here = os.path.dirname(os.path.abspath(__file__))
src = open(os.path.join(here, '..', '..', 'src', 'HyperMM.Cli', 'Journal', 'JournalSchema.cs')).read()
schema = src[src.index('"""') + 3:src.rindex('"""')]
path = sys.argv[1]
for f in [path, path + '-wal', path + '-shm']:
    if os.path.exists(f):
        os.remove(f)
c = sqlite3.connect(path)
c.executescript(schema)
c.execute("insert into runs(started_ms,network,mode,strategies) values (1764547200000,'local','live','synthetic')")
random.seed(1)
tid = 1
for name, coin, mid in [('mm_eth_perp', 'ETH', 3000.0), ('mm_btc_perp', 'BTC', 90000.0), ('mm_hype_perp', 'HYPE', 30.0)]:
    pos, quotes, fills, snaps = 0, [], [], []
    for i in range(8 * 3600):
        t = 1764547200000 + i * 1000
        mid *= 1 + random.uniform(-0.0004, 0.0004)
        m = round(mid, 2)
        quotes.append((t, str(m), str(round(m * 0.9996, 2)), str(round(m * 1.0004, 2))))
        if random.random() < 0.05:
            s = 'B' if random.random() < 0.5 else 'A'
            pos += 1 if s == 'B' else -1
            fills.append((coin, tid, s, str(round(m * (0.9996 if s == 'B' else 1.0004), 2)), t, str(pos), str(m)))
            tid += 1
        if i % 5 == 0:
            snaps.append((t, str(m), str(pos)))
    c.executemany(f"insert into quotes(run_id,strategy,time_ms,mid,sigma2_h,q,reservation_bps,raw_spread_bps,spread_bps,stage,bid_px,bid_sz,ask_px,ask_sz,kept,requests) values (1,'{name}',?,?,1,0,0,8,8,0,?,'1',?,'1',0,2)", quotes)
    c.executemany(f"insert into fills(run_id,strategy,account,coin,tid,oid,side,px,sz,fee,time_ms,crossed,closed_pnl,start_position,historical,position_after,mid_at_fill,recorded_ms) values (1,'{name}','0xaa',?,?,1,?,?,'1','0.01',?,0,'0','0',0,?,?,0)", fills)
    c.executemany(f"insert into snapshots(run_id,strategy,coin,time_ms,mode,mid,position,max_abs_position,resting_bid,resting_ask,fills,volume,realized_pnl,unrealized_pnl,fees,requests) values (1,'{name}','{coin}',?,'Quoting',?,?,'50','0','0',0,'0','0','0','0',0)", snaps)
c.commit()
print(path, c.execute("select count(*) from quotes").fetchone()[0], "quotes,", c.execute("select count(*) from fills").fetchone()[0], "fills")
