"""Checks catchment's and geopandas' dissolved footprints agree, and writes the results table.

    python compare.py WORK RESULTS_MD VERSION
"""
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

work, results, version = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
native_ours = gpd.read_file(work / "out/catchment.geojson").set_index("FOOTPRINT_ID")
native_peer = gpd.read_file(work / "out/peer.geojson").set_index("icb22_code")
# Validity in the CRS written (CRS84): reprojecting can itself make narrow necks self-touch.
ours_valid, peer_valid = int(native_ours.is_valid.sum()), int(native_peer.is_valid.sum())
ours, peer = native_ours.to_crs("EPSG:27700"), native_peer.to_crs("EPSG:27700")
common = ours.index.intersection(peer.index)
one_side = sorted(set(ours.index) ^ set(peer.index))
relative = (ours.loc[common].area - peer.loc[common].area).abs() / peer.loc[common].area
symmetric = shapely.area(shapely.symmetric_difference(ours.loc[common].geometry.values, peer.loc[common].geometry.values))
ok = not one_side and relative.max() <= 1e-9 and ours_valid == len(native_ours)
times = pd.read_csv(work / "times.tsv", sep="\t", names=["tool", "wall", "rss_kb"])
s = times.groupby("tool").agg(runs=("wall", "size"), best=("wall", "min"), median=("wall", "median"), rss=("rss_kb", "max"))
ratio = s.loc["geopandas", "best"] / s.loc["catchment", "best"]
lines = [
    "# Dissolve: catchment vs geopandas",
    "",
    "Written by `bash Benchmarks/peers/dissolve/compare.sh` (do not edit by hand). All England LSOA 2011 polygons",
    "(296 GeoJSON files, 32,844 zones, CRS84) dissolved into the 42 ICBs of July 2022 by the LSOA → ICB lookup, GeoJSON",
    "written; whole processes under `/usr/bin/time -v`, best wall and largest RSS over the runs.",
    "",
    "| tool | runs | wall s (best) | wall s (median) | peak RSS MB | wall ÷ catchment |",
    "|---|---:|---:|---:|---:|---:|",
]
for tool in ["catchment", "geopandas"]:
    r = s.loc[tool]
    lines.append(f"| {tool} | {int(r.runs)} | {r.best:.2f} | {r['median']:.2f} | {r.rss / 1024:.0f} | {r.best / s.loc['catchment', 'best']:.2f}× |")
lines += [
    "",
    f"- catchment is **{ratio:.1f}×** as fast as geopandas (target: at least as fast → **{'MET' if ratio >= 1 else 'NOT MET'}**)",
    f"- footprints: {len(common)} on both sides, {len(one_side)} on one side only; valid as written (CRS84): catchment {ours_valid} of {len(native_ours)}, geopandas {peer_valid} of {len(native_peer)}",
    f"- areas (EPSG:27700): largest relative difference {relative.max():.2e}; largest symmetric-difference area {symmetric.max():.3g} m² → **{'same' if ok else 'DIFFERENT'}**",
    "",
    f"- date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}; {os.cpu_count()} cores",
    f"- catchment {version}; geopandas {gpd.__version__}, shapely {shapely.__version__} (GEOS {shapely.geos_version_string})",
]
results.write_text("\n".join(lines) + "\n")
print("\n".join(lines))
sys.exit(0 if ok else 1)
