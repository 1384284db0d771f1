"""libpysal's rook and queen contiguity of a boundary layer: the peer of `catchment adjacency`.

    python peer_adjacency.py ZONES_FOLDER ID_FIELD OUTPUT_CSV [TIMES_TSV]

Reads every GeoJSON file of the folder (pyogrio), projects to EPSG:27700 (as catchment measures),
joins features sharing an id, and builds libpysal's contiguity both ways (weights.Rook and
weights.Queen .from_dataframe: neighbours by common vertices, rook needing a common edge).
Writes zone_a,zone_b,kind (edge for rook pairs, corner for queen pairs that are not rook), each
pair once in byte order, and appends the seconds of each step to TIMES_TSV when given.
"""
import pathlib
import sys
import time

import geopandas as gpd
import libpysal
import pandas as pd

folder, id_field, output = pathlib.Path(sys.argv[1]), sys.argv[2], pathlib.Path(sys.argv[3])
times = pathlib.Path(sys.argv[4]) if len(sys.argv) > 4 else None
steps = []
start = time.perf_counter()
frames = [gpd.read_file(path, columns=[id_field], engine="pyogrio") for path in sorted(folder.glob("*.geojson"))]
zones = pd.concat(frames, ignore_index=True).to_crs("EPSG:27700")
if zones[id_field].duplicated().any():
    zones = zones.dissolve(by=id_field, as_index=False)
steps.append(("read", time.perf_counter() - start))
ids = zones[id_field].tolist()
pairs = {}
for kind, weights in (("corner", libpysal.weights.Queen), ("edge", libpysal.weights.Rook)):
    start = time.perf_counter()
    w = weights.from_dataframe(zones, ids=ids, use_index=False, silence_warnings=True)
    steps.append((kind == "edge" and "rook" or "queen", time.perf_counter() - start))
    for a, neighbours in w.neighbors.items():
        for b in neighbours:
            key = (a, b) if a.encode() < b.encode() else (b, a)
            pairs[key] = kind
rows = sorted(pairs.items(), key=lambda item: (item[0][0].encode(), item[0][1].encode()))
output.write_text("zone_a,zone_b,kind\n" + "".join(f"{a},{b},{kind}\n" for (a, b), kind in rows))
if times:
    with times.open("a") as out:
        for step, seconds in steps:
            out.write(f"{folder.name}\t{step}\t{seconds:.3f}\n")
