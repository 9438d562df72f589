#!/usr/bin/env python3
"""Time from a fill committed to the journal to the dashboard's server-sent event that carries it (20 fills).
Usage: python3 bench/reports/fill_to_event.py src/HyperMM.Cli/bin/Release/net10.0/hypermm /tmp/rep-big.db"""
import sqlite3, statistics, subprocess, sys, time, urllib.request

exe, db = sys.argv[1], sys.argv[2]
p = subprocess.Popen([exe, 'dashboard', '--db', db, '--port', '0'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
try:
    url = p.stdout.readline().decode().split(' at ')[1].split(' ')[0]
    events = urllib.request.urlopen(url + 'events')

    def next_event():
        while True:
            line = events.readline().decode()
            if line.startswith('data: '):
                return line

    next_event()
    c = sqlite3.connect(db)
    lat = []
    for k in range(20):
        tid = 900000 + k
        t = time.time()
        c.execute("insert into fills(run_id,strategy,account,coin,tid,oid,side,px,sz,fee,time_ms,crossed,closed_pnl,start_position,historical,position_after,mid_at_fill,recorded_ms) values (1,'mm_eth_perp','0xaa','ETH',?,1,'B','3000','1','0.01',1764576000000,0,'0','0',0,'1','3000',0)", (tid,))
        c.commit()
        while '"tid":%d' % tid not in next_event():
            pass
        lat.append(time.time() - t)
        time.sleep(0.05)
    c.execute("delete from fills where tid >= 900000")
    c.commit()
    lat.sort()
    print("n=20 median %.0f ms, max %.0f ms" % (statistics.median(lat) * 1000, lat[-1] * 1000))
finally:
    p.terminate()
    p.wait(timeout=10)
