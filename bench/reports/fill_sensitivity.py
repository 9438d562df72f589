#!/usr/bin/env python3
"""How backtest results move with latency and queue model (docs/SIMULATION.md, "Sensitivity").
Runs `hypermm backtest` on the shared HL recording for every latency x queue model and prints a markdown table of
fills (maker + taker; a partial fill counts once per piece), traded volume (USD), taker fills and total (net) PnL per strategy.
Usage: python3 bench/reports/fill_sensitivity.py [HYPERMM_DLL] [LATENCY_FLAG] [QUEUES]
  HYPERMM_DLL   default src/HyperMM.Cli/bin/Release/net10.0/hypermm.dll (build it with -c Release first)
  LATENCY_FLAG  default --latency-ms (each latency N is passed as `--latency-ms N`, constant N ms each way)
  QUEUES        comma-separated --queue values, default risk-averse,prob-log,prob-power2,prob-front3"""
import csv, os, subprocess, sys, tempfile

dll = sys.argv[1] if len(sys.argv) > 1 else 'src/HyperMM.Cli/bin/Release/net10.0/hypermm.dll'
flag = sys.argv[2] if len(sys.argv) > 2 else '--latency-ms'
queues = (sys.argv[3] if len(sys.argv) > 3 else 'risk-averse,prob-log,prob-power2,prob-front3').split(',')
data = '../shared/data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data'
latencies = [0, 20, 100, 300]
rows = {}
for q in queues:
    for lat in latencies:
        with tempfile.NamedTemporaryFile(suffix='.csv', delete=False) as t:
            path = t.name
        try:
            subprocess.run(['dotnet', dll, 'backtest', '--data', data, '--config', 'config/strategies.yaml',
                            flag, str(lat), '--queue', q, '--csv', path], check=True, capture_output=True)
            for r in csv.DictReader(open(path)):
                if r.get('segment', 'all') != 'all':
                    continue  # one row per run (older binaries have no segment column)
                fills = int(r['fills'])
                taker = int(r['taker_fills']) if 'taker_fills' in r else fills - int(r['maker_fills'])
                total = float(r['total_pnl'] if 'total_pnl' in r else r['net_pnl'])
                rows[(r['strategy'], q, lat)] = (fills, float(r['volume_usd']), taker, total)
        finally:
            os.unlink(path)

for strategy in sorted({k[0] for k in rows}):
    print(f'\n{strategy}: fills / volume USD / taker fills / total PnL USD\n')
    print('| queue model | ' + ' | '.join(f'{l} ms' for l in latencies) + ' |')
    print('|---|' + '---|' * len(latencies))
    for q in queues:
        cells = [rows.get((strategy, q, l)) for l in latencies]
        print(f'| {q} | ' + ' | '.join('-' if c is None else f'{c[0]} / {c[1]:,.0f} / {c[2]} / {c[3]:+.2f}' for c in cells) + ' |')
