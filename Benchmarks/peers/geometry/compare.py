"""Checks catchment's and the peer's outputs of the geometry job against each other and writes the report.

    python compare.py WORK_DIR RESULT_MD

WORK_DIR (written by compare.sh) holds
  sets.tsv   one line per footprint set: name, footprints path, footprint id column, description
  times.tsv  one line per timed run: set, tool, run, wall seconds, peak RSS KB
  meta.txt   lines `key: value` shown under the table
  out/SET/{catchment,peer}/{bestfit.csv,population_bestfit.csv,population_area.csv}
and compare.sh passes CENTROIDS and CENTROID_ID in the environment (for the boundary distances).

Checks, per footprint set:
  best fit   the same footprint for every zone, except zones whose centroid lies within NEAR_METRES
             of a footprint boundary (two PROJ/GEOS stacks may put it on either side) — those are listed;
  area       population per footprint within 1e-6 relative (footprints missing on one side count as 0);
and prints a table of wall clock and peak RSS with ratios against catchment. Exit status 1 when a check fails.
"""
import os
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

NEAR_METRES = 2.0
RELATIVE = 1e-6
SPEED_TARGET = 10.0
CRS = "EPSG:27700"

work, result_path = Path(sys.argv[1]), Path(sys.argv[2])
sets = pd.read_csv(work / "sets.tsv", sep="\t", names=["set", "path", "id", "description"], dtype=str)
times = pd.read_csv(work / "times.tsv", sep="\t", names=["set", "tool", "run", "wall", "rss"])
meta = [line.strip() for line in (work / "meta.txt").read_text().splitlines() if line.strip()] if (work / "meta.txt").exists() else []

centroids = pd.read_csv(os.environ["CENTROIDS"], encoding="utf-8-sig", usecols=["X", "Y", os.environ["CENTROID_ID"]])
centroids = gpd.GeoDataFrame(
    {"zone_id": centroids[os.environ["CENTROID_ID"]]},
    geometry=gpd.points_from_xy(centroids["X"], centroids["Y"]),
    crs="OGC:CRS84",
).to_crs(CRS).set_index("zone_id")


def boundary_distance(zone_ids, footprints):
    """Distance (m) from each zone's centroid to the nearest footprint boundary, NaN without centroid."""
    points = centroids.geometry.reindex(zone_ids)
    tree = shapely.STRtree(footprints.geometry.boundary.values)
    distance = np.full(len(points), np.nan)
    present = ~points.isna().to_numpy()
    if present.any():
        _, d = tree.query_nearest(points.values[present], return_distance=True, all_matches=False)
        distance[present] = d
    return pd.Series(distance, index=zone_ids)


def population(path):
    return pd.read_csv(path, dtype={"footprint_id": str}).set_index("footprint_id")["population"].astype(float)


failures, sections, summary = [], [], []
for s in sets.itertuples():
    out = work / "out" / s.set
    footprints = gpd.read_file(s.path, engine="pyogrio", columns=[s.id]).to_crs(CRS)
    lines = [f"### {s.set}: {s.description}", ""]

    # Best fit.
    ours = pd.read_csv(out / "catchment" / "bestfit.csv", dtype={"zone_id": str, "footprint_id": str})
    peer = pd.read_csv(out / "peer" / "bestfit.csv", dtype={"zone_id": str, "footprint_id": str})
    merged = ours[["zone_id", "footprint_id", "distance_m"]].merge(
        peer[["zone_id", "footprint_id", "distance_m"]], on="zone_id", how="outer", suffixes=("_catchment", "_peer"), indicator=True
    )
    one_side = merged[merged["_merge"] != "both"]
    both = merged[merged["_merge"] == "both"]
    differ = both[both.footprint_id_catchment != both.footprint_id_peer].copy()
    near_all = boundary_distance(both.zone_id.to_numpy(), footprints)
    differ["boundary_m"] = near_all.reindex(differ.zone_id.to_numpy()).to_numpy()
    excused = differ[differ.boundary_m <= NEAR_METRES]
    unexplained = differ[~(differ.boundary_m <= NEAR_METRES)]
    snapped = both.dropna(subset=["distance_m_catchment", "distance_m_peer"])
    snap_diff = (snapped.distance_m_catchment - snapped.distance_m_peer).abs().max() if len(snapped) else 0.0
    ok_best = len(unexplained) == 0 and len(one_side) == 0
    lines.append(
        f"- best fit: {len(both):,} zones on both sides, {len(one_side)} on one side only; "
        f"{int((near_all <= NEAR_METRES).sum())} centroids lie within {NEAR_METRES:g} m of a footprint boundary; "
        f"{len(differ)} assignments differ, {len(excused)} of them within {NEAR_METRES:g} m of a boundary "
        f"→ **{'identical (as required)' if ok_best else 'MISMATCH'}**"
    )
    lines.append(
        f"- best fit snapped to the nearest footprint (≤ 1,000 m): catchment {int(ours.distance_m.notna().sum())}, "
        f"peer {int(peer.distance_m.notna().sum())}; largest distance difference {snap_diff:.2f} m; "
        f"UNALLOCATED: catchment {int((ours.footprint_id == 'UNALLOCATED').sum())}, peer {int((peer.footprint_id == 'UNALLOCATED').sum())}"
    )
    for label, rows in (("differing, centroid near a boundary", excused), ("differing, NOT near a boundary", unexplained)):
        if len(rows):
            lines.append(f"  - {label} ({len(rows)}): " + ", ".join(
                f"{r.zone_id} ({r.footprint_id_catchment} vs {r.footprint_id_peer}, {r.boundary_m:.3f} m)" for r in rows.head(20).itertuples()
            ) + (" …" if len(rows) > 20 else ""))
    if len(one_side):
        lines.append("  - on one side only: " + ", ".join(f"{z} ({side})" for z, side in zip(one_side.zone_id.head(20), one_side["_merge"].head(20).map({"left_only": "catchment only", "right_only": "peer only"}))))

    best_ours, best_peer = population(out / "catchment" / "population_bestfit.csv"), population(out / "peer" / "population_bestfit.csv")
    ids = best_ours.index.union(best_peer.index)
    best_gap = (best_ours.reindex(ids, fill_value=0) - best_peer.reindex(ids, fill_value=0)).abs()
    lines.append(f"- best-fit populations per footprint: {len(ids)} footprints, largest difference {best_gap.max():,.0f} people")

    # Area. tobler's allocate_total drops a zone that meets no footprint; catchment keeps it as UNALLOCATED:
    # per footprint the two must agree, and the population tobler loses must be catchment's UNALLOCATED.
    area_ours, area_peer = population(out / "catchment" / "population_area.csv"), population(out / "peer" / "population_area.csv")
    un_ours, un_peer = area_ours.pop("UNALLOCATED") if "UNALLOCATED" in area_ours else 0.0, area_peer.pop("UNALLOCATED") if "UNALLOCATED" in area_peer else 0.0
    total = best_peer.sum()
    lost_peer = total - area_peer.sum() + un_peer
    ids = area_ours.index.union(area_peer.index)
    a, b = area_ours.reindex(ids, fill_value=0.0), area_peer.reindex(ids, fill_value=0.0)
    relative = (a - b).abs() / np.maximum(a.abs(), b.abs()).clip(lower=1e-300)
    relative[(a == 0) & (b == 0)] = 0.0
    worst = relative.idxmax()
    ok_unallocated = abs(un_ours - lost_peer) <= RELATIVE * total
    ok_area = relative.max() <= RELATIVE and ok_unallocated
    lines.append(
        f"- area populations per footprint: {len(ids)} footprints ({len(area_ours)} catchment, {len(area_peer)} peer); "
        f"largest relative difference {relative.max():.2e} ({worst}: {a[worst]:,.6f} vs {b[worst]:,.6f}) "
        f"→ **{'within' if relative.max() <= RELATIVE else 'NOT within'} {RELATIVE:g}**"
    )
    if relative.max() > RELATIVE:
        bad = relative[relative > RELATIVE].sort_values(ascending=False)
        lines.append("  - over the tolerance: " + ", ".join(f"{i} ({a[i]:,.3f} vs {b[i]:,.3f})" for i in bad.head(20).index))
    unallocated_zones = pd.read_csv(out / "catchment" / "area.csv", dtype={"zone_id": str, "footprint_id": str})
    unallocated_zones = unallocated_zones[unallocated_zones.footprint_id == "UNALLOCATED"].zone_id.tolist()
    lines.append(
        f"- area, population outside every footprint: catchment UNALLOCATED {un_ours:,.3f} "
        f"({len(unallocated_zones)} zones{': ' + ', '.join(unallocated_zones[:20]) if unallocated_zones else ''}); "
        f"geopandas+tobler drops it (allocate_total leaves a zone meeting no footprint unallocated): "
        f"total short by {lost_peer:,.3f} of {total:,.0f} → **{'same' if ok_unallocated else 'DIFFERENT'}**"
    )
    if not ok_best:
        failures.append(f"{s.set}: best fit")
    if not ok_area:
        failures.append(f"{s.set}: area")
    sections.append("\n".join(lines))

# Timings.
stats = times.groupby(["set", "tool"], sort=False).agg(
    runs=("wall", "size"), best=("wall", "min"), median=("wall", "median"), rss=("rss", "max")
).reset_index()
table = [
    "| footprints | tool | runs | wall s (best) | wall s (median) | peak RSS MB (max) | wall ÷ catchment | RSS ÷ catchment |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
]
for name, group in stats.groupby("set", sort=False):
    c = group[group.tool == "catchment"].iloc[0]
    for r in group.itertuples():
        table.append(
            f"| {name} | {r.tool} | {r.runs} | {r.best:.2f} | {r.median:.2f} | {r.rss / 1024:.0f} | {r.best / c.best:.2f}× | {r.rss / c.rss:.2f}× |"
        )
    p = group[group.tool != "catchment"].iloc[0]
    speed = p.best / c.best
    summary.append(
        f"- {name}: catchment is **{speed:.1f}×** faster than geopandas+tobler (target ≥ {SPEED_TARGET:g}× → "
        f"**{'MET' if speed >= SPEED_TARGET else 'NOT MET'}**); peak RSS {c.rss / 1024:.0f} MB vs {p.rss / 1024:.0f} MB "
        f"(target no higher → **{'MET' if c.rss <= p.rss else 'NOT MET'}**)"
    )

text = "\n".join(
    ["## Time and memory", "", *table, "", *summary, "", "## Results compared", "", "\n\n".join(sections), "",
     "tobler keeps its zone × footprint area table in float32 (tobler/area_weighted/area_interpolate.py), which is "
     "why its area populations differ from catchment's float64 ones by about 1e-8 relative and its total falls a "
     "fraction of a person short even when every zone meets a footprint.", ""]
    + (["## Environment", "", *[f"- {m}" for m in meta], ""] if meta else [])
)
print(text)
result_path.write_text(
    "# Geometry benchmark: catchment vs geopandas + tobler\n\n"
    "Written by `bash Benchmarks/peers/geometry/compare.sh` (do not edit by hand). Each side runs the whole job — "
    "read all England LSOA 2011 polygons (296 GeoJSON files, 32,844 zones), the footprints and the ONS "
    "population-weighted centroids, reproject to EPSG:27700, best-fit crosswalk + populations, area crosswalk + "
    "populations (ONS mid-2017) — as whole processes under `/usr/bin/time -v`; wall is the best of the runs, peak RSS "
    "the largest over the runs.\n\n" + text
)
if failures:
    print("compare.py: checks failed: " + ", ".join(failures), file=sys.stderr)
    sys.exit(1)
