#!/usr/bin/env python3
"""Out-of-sample table for docs/RESEARCH.md: every shared recording x the model variants.

Usage (from the repository root, after `dotnet build -c Release src/HyperMM.Cli`):
    python3 bench/reports/research_table.py [path/to/hypermm] > /tmp/research.md

Two kinds of out-of-sample run (docs/RESEARCH.md explains why):
  * walk-forward on the 35-minute recording (section 1 of ../shared/data/SOURCES.md): train 10 min, test the next
    5 min, 4 folds; a variant that calibrates or sweeps does so on each train window only;
  * held-out days (sections 4, 5 and 6, the last a Binance futures capture read as a proxy market): plain backtests of configurations fixed before looking at them (the shipped
    values, or values calibrated on the 35-minute recording of another day).
Each run's JSON (`--json`) is kept under /tmp/research-runs/ for inspection.
"""
import json
import os
import re
import subprocess
import sys

HYPERMM = sys.argv[1] if len(sys.argv) > 1 else "src/HyperMM.Cli/bin/Release/net10.0/hypermm"
D1 = "../shared/data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data"
D4 = "../shared/data/Hyperliquid_data_collector/HL_data"
D5 = "../shared/data/hftbacktest/examples/hyperliquid/btcusd_20250126.gz"
D6_ETH = "../shared/data/hftbacktest/examples/usdm/ethusdt_20240808.gz"
D6_BTC = "../shared/data/hftbacktest/examples/usdm/btcusdt_20240808.gz"
D6 = "§6 2024-08-08 345 s, Binance proxy"
HELD_OUT = ((D4, "§4 2025-09-03 ~4 min", ("ETH", "BTC")), (D5, "§5 2025-01-26 25 s", ("BTC",)),
            (D6_ETH, D6, ("ETH",)), (D6_BTC, D6, ("BTC",)))
OUT = "/tmp/research-runs"
os.makedirs(OUT, exist_ok=True)

SHIPPED = open("config/strategies.yaml").read()


def variant_config(name, text):
    path = os.path.join(OUT, name + ".yaml")
    with open(path, "w") as f:
        f.write(text)
    return path


def without_fill_pressure(text):
    text = re.sub(r"(\n\s*pressure_max_steps:)\s*\d+", r"\1 0", text)
    return text


def calibrated_on_d1(text):
    """The seed's model with kappa and the volatility prior `hypermm calibrate` measured on the 35-minute recording."""
    values = {"ETH": ("0.795", "0.912"), "BTC": ("1.3", "0.405")}
    for coin, (kappa, vol) in values.items():
        block = re.search(r"coin: %s\n(?:    .*\n)+" % coin, text).group(0)
        new = re.sub(r"kappa: [0-9.]+", "kappa: " + kappa, block)
        new = re.sub(r"vol_prior_bps_1s: [0-9.]+", "vol_prior_bps_1s: " + vol, new)
        text = text.replace(block, new)
    return text


NO_FP = variant_config("seed-no-fill-pressure", without_fill_pressure(SHIPPED))
CAL_D1 = variant_config("seed-calibrated-d1", calibrated_on_d1(SHIPPED))


def g_tables(data):
    """The micro-price tables `hypermm calibrate` fits on a recording, per coin (from its YAML fragment)."""
    text = subprocess.run([HYPERMM, "calibrate", "--data", data], capture_output=True, text=True, check=True).stdout
    fragment = text[text.index("suggested:"):]
    return dict(re.findall(r"\n  (\w+):\n(?:.*\n)*?\s+microprice_g_ticks: (\[\[.*\]\])", fragment))


def with_g(text, tables):
    for coin, table in tables.items():
        block = re.search(r"coin: %s\n(?:    .*\n)+" % coin, text)
        if block:
            text = text.replace(block.group(0), re.sub(r"microprice_g_ticks: \[\[.*\]\]", "microprice_g_ticks: " + table, block.group(0)))
    return text


# The shipped micro-price example carries tables fitted on the whole 35-minute recording: used on the held-out
# days only. On the 35-minute recording itself the tables come from another day (section 4), so nothing is in sample.
MICRO = open("config/research/microprice.yaml").read()
MICRO_D4 = with_g(MICRO, g_tables(D4))
MICRO_FOR_D1 = variant_config("microprice-g-from-d4", MICRO_D4)
MICRO_NO_FP_FOR_D1 = variant_config("microprice-g-from-d4-no-fill-pressure", without_fill_pressure(MICRO_D4))
MICRO_NO_FP = variant_config("microprice-no-fill-pressure", without_fill_pressure(MICRO))

# (label, config, walk-forward options on the 35-minute recording, config for held-out days, sweep, fees)
VARIANTS = [
    ("seed model as shipped", "config/strategies.yaml", "calibrate=off", "config/strategies.yaml", None, None),
    ("seed, no fill pressure", NO_FP, "calibrate=off", NO_FP, None, None),
    ("seed, calibrated (kappa, sigma)", "config/strategies.yaml", "calibrate=on", CAL_D1, None, None),
    ("GLFT, calibrated (A, kappa, sigma)", "config/research/glft.yaml", "calibrate=on", "config/research/glft.yaml", None, None),
    ("seed, micro-price centred", MICRO_FOR_D1, "calibrate=on", "config/research/microprice.yaml", None, None),
    ("seed, micro-price, no fill pressure", MICRO_NO_FP_FOR_D1, "calibrate=on", MICRO_NO_FP, None, None),
    ("seed, no fill pressure, min spread picked in train from 5/10/15", NO_FP, "calibrate=off", None, "min_spread_bps=5:15:5", None),
    ("seed as shipped, zero fees", "config/strategies.yaml", "calibrate=off", "config/strategies.yaml", None, "maker=0,taker=0"),
]

def run(args, tag):
    cmd = [HYPERMM, "backtest", "--json"] + args
    p = subprocess.run(cmd, capture_output=True, text=True)
    with open(os.path.join(OUT, tag + ".json"), "w") as f:
        f.write(p.stdout)
    if p.returncode != 0:
        return None, p.stderr.strip().splitlines()[-1] if p.stderr.strip() else "exit %d" % p.returncode
    return json.loads(p.stdout), None


def fmt(v, digits=2):
    return "-" if v is None else ("%.*f" % (digits, v))


def rows_for(doc, coin):
    return [s for s in doc.get("strategies", []) if s["coin"] == coin]


def line(recording, coin, label, s, protocol):
    vol = s["volume_usd"]
    bps = s["total_pnl"] / vol * 1e4 if vol else None
    return "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s (%s) | %s | %s |" % (
        recording, coin, label, protocol, fmt(s["total_pnl"], 4), fmt(bps), fmt(s["markout_1s_bps"]), fmt(s["markout_10s_bps"]),
        fmt(s["markout_60s_bps"]), s["fills"], s["taker_fills"], fmt(s["max_abs_inventory"], 4), s["requests"])


print("| recording | coin | variant | protocol | net PnL USD | bps of volume | markout 1 s | 10 s | 60 s | fills (taker) | max abs inv | requests |")
print("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for i, (label, cfg, wf, held_cfg, sweep, fees) in enumerate(VARIANTS):
    extra = ["--fees", fees] if fees else []
    args = ["--data", D1, "--config", cfg, "--walk-forward", "train=10m,test=5m," + wf] + extra
    if sweep:
        args += ["--sweep", sweep]
    doc, err = run(args, "d1-%d" % i)
    for coin in ("ETH", "BTC"):
        if err:
            print("| §1 2025-09-04 35 min | %s | %s | walk-forward | error: %s |" % (coin, label, err))
            continue
        for s in rows_for(doc, coin):
            print(line("§1 2025-09-04 35 min", coin, label, s, "walk-forward 10m/5m, 4 folds"))
    if held_cfg is None:
        continue
    for j, (data, tag, coins) in enumerate(HELD_OUT):
        doc, err = run(["--data", data, "--config", held_cfg] + extra, "held-%d-%d" % (i, j))
        for coin in coins:
            if err:
                print("| %s | %s | %s | held-out | error: %s |" % (tag, coin, label, err))
                continue
            for s in rows_for(doc, coin):
                print(line(tag, coin, label, s, "held-out day, fixed config"))
