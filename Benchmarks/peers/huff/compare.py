"""Checks the Huff catchments of catchment and NumPy agree, and writes the results table.

    python compare.py WORK RESULTS_MD VERSION
"""
import os
import platform
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import numpy
import pandas as pd

work, results, version = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
ours = pd.read_csv(work / "out/catchment.csv", keep_default_na=False).set_index("provider_id")["catchment_population"]
peer = pd.read_csv(work / "out/numpy.csv", keep_default_na=False).set_index("provider_id")["catchment_population"]
ok = True
missing = sorted(set(ours.index) ^ set(peer.index))
common = ours.index.intersection(peer.index)
relative = ((ours[common] - peer[common]).abs() / peer[common].abs().clip(lower=1.0))
worst = relative.idxmax()
if missing or relative.max() > 1e-9:
    ok = False
times = pd.read_csv(work / "times.tsv", sep="\t", names=["tool", "wall", "rss_kb"])
summary = times.groupby("tool").agg(runs=("wall", "size"), best=("wall", "min"), median=("wall", "median"), rss=("rss_kb", "max"))
ratio = summary.loc["numpy", "best"] / summary.loc["catchment", "best"]
lines = [
    "# Huff catchments: catchment vs NumPy",
    "",
    "Written by `bash Benchmarks/peers/huff/compare.sh` (do not edit by hand). Same model (α = 1, β = 2, 50 km cap,",
    "100 m floor) on the same inputs: England's 32,844 LSOA 2011 population-weighted centroids (British National",
    "Grid), the ONS mid-2017 LSOA population, 1,061 hospital sites (geographr 2022) given to the nearest trust",
    "headquarters, with synthetic beds. Whole processes under `/usr/bin/time -v` (reading, model, writing); wall is",
    "the best run, RSS the largest.",
    "",
    "| tool | runs | wall s (best) | wall s (median) | peak RSS MB | wall ÷ catchment |",
    "|---|---:|---:|---:|---:|---:|",
]
for tool in ["catchment", "numpy"]:
    r = summary.loc[tool]
    lines.append(f"| {tool} | {int(r.runs)} | {r.best:.2f} | {r['median']:.2f} | {r.rss / 1024:.0f} | {r.best / summary.loc['catchment', 'best']:.2f}× |")
lines += [
    "",
    f"- catchment is **{ratio:.1f}×** faster than NumPy (target ≥ 5× → **{'MET' if ratio >= 5 else 'NOT MET'}**)",
    f"- catchments: {len(common)} rows on both sides, {len(missing)} on one side only; largest relative difference "
    f"{relative.max():.2e} ({worst}: {ours[worst]:.6f} vs {peer[worst]:.6f}) → **{'within 1e-9' if ok else 'DIFFERENT'}**",
    f"- total: catchment {ours.sum():,.3f}, NumPy {peer.sum():,.3f}",
    "",
    "## Environment",
    "",
    f"- date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; load average before the runs: {' '.join(f'{v:.2f}' for v in os.getloadavg())}",
    f"- machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}",
    f"- catchment: {version}, {subprocess.run(['swift', '--version'], capture_output=True, text=True).stdout.splitlines()[0] if True else ''}",
    f"- peer: Python {platform.python_version()}, NumPy {numpy.__version__}, pandas {pd.__version__}",
]
results.write_text("\n".join(lines) + "\n")
print("\n".join(lines))
sys.exit(0 if ok else 1)
