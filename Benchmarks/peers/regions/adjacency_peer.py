"""The libpysal peer of `catchment adjacency` (issue 13): queen weights, shared lengths by shapely, island links.

    python adjacency_peer.py --zones FOLDER_OR_FILE --zone-id FIELD --output adjacency.csv [--min-shared 1]

Reads every GeoJSON/shapefile of the folder as one layer, projects it to EPSG:27700, and writes
zone_a,zone_b,shared_m,kind in the contract of `catchment adjacency`: candidate pairs from libpysal's queen
weights (shared vertices) joined with a shapely STRtree 'intersects' pass (lines shared without a common vertex),
the shared boundary length measured by shapely (length of the intersection of the two boundaries); kind edge
(shared > --min-shared metres), corner (otherwise); then, while the graph has several components, the
component nearest the largest is joined by a link from its zone nearest the rest (kind link, shared_m 0).
prepare.py uses it for the MSOAs; run.sh times it against `catchment adjacency` on the LSOAs 2011.
"""
import argparse
import glob
import os
import sys

import geopandas as gpd
import numpy as np
import pandas as pd
from libpysal.weights import Queen, Rook
from shapely import STRtree, boundary, intersection, length


def read_layer(path, id_field, extra=(), say=print):
    """Every GeoJSON/shapefile of a folder (or one file) as one layer in EPSG:27700, sorted by id."""
    files = sorted(glob.glob(os.path.join(path, "*.geojson")) + glob.glob(os.path.join(path, "*.shp"))) \
        if os.path.isdir(path) else [path]
    frames = [gpd.read_file(f, columns=[id_field, *extra]) for f in files]
    gdf = gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry", crs=frames[0].crs)
    gdf = gdf.to_crs(27700)
    if gdf[id_field].duplicated().any():  # features with one id are one zone
        say(f"layer: {gdf[id_field].duplicated().sum()} duplicate ids dissolved")
        gdf = gdf.dissolve(by=id_field, as_index=False)
    say(f"layer: {len(files)} files, {len(gdf)} zones")
    return gdf.sort_values(id_field, kind="stable").reset_index(drop=True)


def measure(gdf, id_field, min_shared=1.0, compare_rook=False, say=print):
    """Adjacency of a layer in a projected CRS (metres): zone_a,zone_b,shared_m,kind (edge/corner/link)."""
    ids = gdf[id_field].tolist()
    geoms = gdf.geometry.values
    q = Queen.from_dataframe(gdf, ids=ids, use_index=False, silence_warnings=True)
    qp = {tuple(sorted((a, b))) for a, ns in q.neighbors.items() for b in ns}
    # libpysal matches shared vertices; shapely's 'intersects' also finds lines shared without a common vertex.
    tree = STRtree(geoms)
    i, j = tree.query(geoms, predicate="intersects")
    keep = i < j
    gp = {tuple(sorted((ids[a], ids[b]))) for a, b in zip(i[keep], j[keep])}
    say(f"adjacency: libpysal queen {len(qp)} pairs; shapely intersects {len(gp)}; "
        f"shapely-only {len(gp - qp)}, queen-only {len(qp - gp)}")
    pairs = sorted(qp | gp)
    index = {z: k for k, z in enumerate(ids)}
    a_idx = np.array([index[a] for a, _ in pairs])
    b_idx = np.array([index[b] for _, b in pairs])
    bnd = boundary(geoms)
    shared = length(intersection(bnd[a_idx], bnd[b_idx]))
    kind = np.where(shared > min_shared, "edge", "corner")
    adj = pd.DataFrame({"zone_a": [p[0] for p in pairs], "zone_b": [p[1] for p in pairs],
                        "shared_m": shared, "kind": kind})
    say(f"adjacency: {(kind == 'edge').sum()} edges, {(kind == 'corner').sum()} corners")
    if compare_rook:
        r = Rook.from_dataframe(gdf, ids=ids, use_index=False, silence_warnings=True)
        rp = {tuple(sorted((a, b))) for a, ns in r.neighbors.items() for b in ns}
        missed = [(a, b, round(float(s), 1)) for (a, b), s in zip(pairs, shared) if s > min_shared and (a, b) not in rp]
        extra = [(a, b, round(float(s), 1)) for (a, b), s in zip(pairs, shared) if s <= min_shared and (a, b) in rp]
        say(f"adjacency: libpysal rook {len(rp)} pairs; edges (> {min_shared:g} m shared) it misses: {len(missed)} "
            f"{missed}; rook pairs sharing <= {min_shared:g} m: {len(extra)} {extra}")
    # Islands: link each component but the largest from its zone nearest the rest to that nearest zone.
    links = []
    while True:
        comps = components(ids, adj)
        if len(comps) == 1:
            break
        comps.sort(key=lambda c: (-len(c), min(c)))
        main = comps[0]
        say(f"adjacency: {len(comps)} components, sizes {[len(c) for c in comps]}")
        rest_idx = np.array(sorted(index[z] for z in main))
        rest_tree = STRtree(geoms[rest_idx])
        best = None
        for comp in comps[1:]:
            for z in sorted(comp):
                k = rest_tree.query_nearest(geoms[index[z]], return_distance=True, all_matches=False)
                d, w = float(k[1][0]), ids[rest_idx[k[0][0]]]
                if best is None or (d, z, w) < best[:3]:
                    best = (d, z, w)
        d, z, w = best
        za, zb = sorted((z, w))
        links.append((za, zb, d))
        say(f"adjacency: link {za} - {zb}, gap {d:.1f} m")
        adj = pd.concat([adj, pd.DataFrame({"zone_a": [za], "zone_b": [zb], "shared_m": [0.0], "kind": ["link"]})])
    return adj.sort_values(["zone_a", "zone_b"]).reset_index(drop=True)


def components(ids, adj):
    parent = {z: z for z in ids}

    def find(z):
        while parent[z] != z:
            parent[z] = parent[parent[z]]
            z = parent[z]
        return z
    for a, b in zip(adj["zone_a"], adj["zone_b"]):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups = {}
    for z in ids:
        groups.setdefault(find(z), []).append(z)
    return list(groups.values())


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--zones", required=True)
    p.add_argument("--zone-id", required=True)
    p.add_argument("--output", required=True)
    p.add_argument("--min-shared", type=float, default=1.0)
    a = p.parse_args()

    def err(line):
        print(line, file=sys.stderr)
    gdf = read_layer(a.zones, a.zone_id, say=err)
    adj = measure(gdf, a.zone_id, a.min_shared, say=err)
    adj.to_csv(a.output, index=False, float_format="%.2f")


if __name__ == "__main__":
    main()
