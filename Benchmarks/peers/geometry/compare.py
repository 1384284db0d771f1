"""Compares catchment's and the peers' outputs of the geometry job and prints the table.

    python compare.py OUT_DIR TIMES_TSV RESULT_MD
TIMES_TSV has lines `tool<TAB>wall_seconds<TAB>max_rss_kb`, one per run.
"""
import sys
from pathlib import Path

import pandas as pd

out, times_path, result_path = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
times = pd.read_csv(times_path, sep="\t", names=["tool", "wall", "rss"])
best = times.groupby("tool").agg(wall=("wall", "min"), median=("wall", "median"), rss=("rss", "max"))
ours = pd.read_csv(out / "catchment" / "bestfit.csv")
peer = pd.read_csv(out / "peer" / "peer_bestfit.csv")
merged = ours[["zone_id", "footprint_id"]].merge(peer, on="zone_id", suffixes=("_catchment", "_peer"))
differ = merged[merged.footprint_id_catchment != merged.footprint_id_peer]
pop_ours = pd.read_csv(out / "catchment" / "population_area.csv").set_index("footprint_id")["population"]
peer_area = pd.read_csv(out / "peer" / "peer_population_area.csv")
pop_peer = peer_area.set_index(peer_area.columns[0])["population"]
common = pop_ours.index.intersection(pop_peer.index)
relative = ((pop_ours[common] - pop_peer[common]).abs() / pop_peer[common].abs().clip(lower=1)).max()
pop_best_ours = pd.read_csv(out / "catchment" / "population_bestfit.csv").set_index("footprint_id")["population"]
pop_best_peer = pd.read_csv(out / "peer" / "peer_population_bestfit.csv").set_index("footprint_id")["population"]

c = best.loc["catchment"]
lines = ["| tool | wall s (best) | wall s (median) | peak RSS MB | time ÷ catchment | RSS ÷ catchment |", "|---|---:|---:|---:|---:|---:|"]
for tool, row in best.iterrows():
    lines.append(f"| {tool} | {row.wall:.2f} | {row['median']:.2f} | {row.rss / 1024:.0f} | {row.wall / c.wall:.2f}× | {row.rss / c.rss:.2f}× |")
peer_row = best.drop(index="catchment").iloc[0]
lines += [
    "",
    f"- ≥ 10× faster than geopandas+tobler: {peer_row.wall / c.wall:.1f}× → {'MET' if peer_row.wall / c.wall >= 10 else 'NOT MET'}",
    f"- peak memory no higher: {c.rss / 1024:.0f} MB vs {peer_row.rss / 1024:.0f} MB → {'MET' if c.rss <= peer_row.rss else 'NOT MET'}",
    f"- best-fit assignments: {len(merged)} zones compared, {len(differ)} differ"
    + (": " + ", ".join(f"{r.zone_id} ({r.footprint_id_catchment} vs {r.footprint_id_peer})" for r in differ.head(10).itertuples()) if len(differ) else ""),
    f"- best-fit populations per footprint: largest difference {(pop_best_ours - pop_best_peer.reindex(pop_best_ours.index).fillna(0)).abs().max():.0f}",
    f"- area populations per footprint: {len(common)} compared, largest relative difference {relative:.2e} → {'within' if relative <= 1e-6 else 'NOT within'} 1e-6",
]
text = "\n".join(lines)
print(text)
result_path.write_text("# Geometry benchmark: catchment vs geopandas + tobler\n\nWritten by `Benchmarks/peers/geometry/compare.sh`.\n\n" + text + "\n")
