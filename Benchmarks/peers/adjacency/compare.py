"""Compares catchment's adjacency with libpysal's and writes the results table.

    python compare.py WORK RESULTS_MD VERSION

WORK holds times.tsv (layer, tool, wall s, peak RSS kB: whole processes), steps.tsv (libpysal's
steps) and out/<layer>_catchment.csv, out/<layer>_libpysal.csv for each layer.
"""
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

import libpysal
import pandas as pd

work, results, version = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
times = pd.read_csv(work / "times.tsv", sep="\t", names=["layer", "tool", "wall", "rss_kb"])
steps = pd.read_csv(work / "steps.tsv", sep="\t", names=["layer", "step", "seconds"])
lines = [
    "# Adjacency: catchment vs libpysal",
    "",
    "Written by `bash Benchmarks/peers/adjacency/run.sh` (do not edit by hand). All England's LSOA 2011 (296 GeoJSON",
    "files, 32,844 zones) and MSOA 2011 (296 files, 6,791 zones) polygons in CRS84, read, projected to EPSG:27700 and",
    "made into contiguity: `catchment adjacency` (release build; edges, corners, links in one run) against libpysal's",
    "`weights.Queen` and `weights.Rook` `.from_dataframe` (geopandas/pyogrio reading, both weights built). Whole",
    "processes under `/usr/bin/time`, best wall and largest RSS over the runs.",
    "",
    "| layer | tool | runs | wall s (best) | wall s (median) | peak RSS MB | ÷ catchment |",
    "|---|---|---:|---:|---:|---:|---:|",
]
ok = True
notes = []
for layer in times.layer.unique():
    s = times[times.layer == layer].groupby("tool").agg(runs=("wall", "size"), best=("wall", "min"), median=("wall", "median"), rss=("rss_kb", "max"))
    for tool in ["catchment", "libpysal"]:
        r = s.loc[tool]
        lines.append(
            f"| {layer} | {tool} | {int(r.runs)} | {r.best:.2f} | {r['median']:.2f} | {r.rss / 1024:.0f} | {r.best / s.loc['catchment', 'best']:.1f}× |"
        )
    ratio = s.loc["libpysal", "best"] / s.loc["catchment", "best"]
    ours = pd.read_csv(work / f"out/{layer}_catchment.csv", dtype=str, keep_default_na=False)
    peer = pd.read_csv(work / f"out/{layer}_libpysal.csv", dtype=str, keep_default_na=False)
    ours["shared_m"] = ours.shared_m.astype(float)
    key = lambda frame: set(zip(frame.zone_a, frame.zone_b))
    edges, touching = key(ours[ours.kind == "edge"]), key(ours[ours.kind != "link"])
    rook, queen = key(peer[peer.kind == "edge"]), key(peer)
    shared = {(a, b): m for a, b, m in zip(ours.zone_a, ours.zone_b, ours.shared_m)}
    rook_missed = sorted(edges - rook)
    queen_missed = sorted(touching - queen)
    ours_missed_rook, ours_missed_queen = sorted(rook - edges), sorted(queen - touching)
    step = steps[steps.layer == layer].groupby("step").seconds.min()
    links = ours[ours.kind == "link"]
    notes += [
        f"### {layer}",
        "",
        f"- catchment is **{ratio:.1f}×** as fast as libpysal (target ≥ 5× → **{'MET' if ratio >= 5 else 'NOT MET'}**); libpysal's steps"
        f" (best): read + project {step.get('read', float('nan')):.2f} s, Queen {step.get('queen', float('nan')):.2f} s, Rook {step.get('rook', float('nan')):.2f} s;"
        f" against reading and one weights only (read + Queen, no interpreter start): {(step.get('read', 0) + step.get('queen', 0)) / s.loc['catchment', 'best']:.1f}×",
        f"- pairs: catchment {len(edges)} edges, {len(touching) - len(edges)} corners, {len(links)} links; libpysal rook {len(rook)}, queen {len(queen)}",
        f"- libpysal's rook pairs that catchment has as corners or not at all: {len(ours_missed_rook)}"
        + (f" ({', '.join(f'{a}–{b} {shared.get((a, b), 0):.2f} m' for a, b in ours_missed_rook[:10])})" if ours_missed_rook else ""),
        f"- libpysal's queen pairs catchment does not find: {len(ours_missed_queen)}" + (f" ({', '.join(f'{a}–{b}' for a, b in ours_missed_queen[:10])})" if ours_missed_queen else ""),
        f"- catchment's edges that libpysal's rook misses: {len(rook_missed)}"
        + (f", sharing {', '.join(f'{a}–{b} {shared[(a, b)]:.2f} m' for a, b in rook_missed[:12])}" if rook_missed else ""),
        f"- catchment's touching pairs that libpysal's queen misses (no common vertex): {len(queen_missed)}"
        + (f", sharing {', '.join(f'{a}–{b} {shared[(a, b)]:.2f} m' for a, b in queen_missed[:12])}" if queen_missed else ""),
        f"- links: {', '.join(f'{a}–{b}' for a, b in zip(links.zone_a, links.zone_b))}",
        "",
    ]
    ok = ok and not ours_missed_queen
lines += [""] + notes + [
    f"- date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}; {os.cpu_count()} cores",
    f"- catchment {version}; libpysal {libpysal.__version__}",
]
results.write_text("\n".join(lines) + "\n")
print("\n".join(lines))
sys.exit(0 if ok else 1)
