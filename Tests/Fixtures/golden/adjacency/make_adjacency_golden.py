"""Golden adjacency from libpysal and shapely, for Tests/CatchmentCLITests/AdjacencyGoldenTests.swift.

Writes, beside this script:
- fixture.geojson: a small hand-drawn layer in EPSG:27700 (metres) with what vertex matching
  misses: T-junctions (a vertex of one zone in the middle of another's side, no common vertex),
  a zone filling another's hole, a zone in two parts, a corner-only neighbour, an island;
- for the demo zones (data/lsoa_boundaries.geojson, id LSOA21CD) and for the fixture (id code):
  <name>_rook.csv and <name>_queen.csv, zone_a,zone_b: libpysal's Rook and Queen contiguity
  (from_dataframe: neighbours share an edge, resp. a vertex, found by common vertices);
  <name>_shapely.csv, zone_a,zone_b,shared_m: every pair whose polygons intersect (shapely),
  with the length of the intersection of their boundaries (shapely's overlay, on the geometry).

Pairs have zone_a < zone_b in byte order and are sorted. Regenerate after changing data/:

    python3 -m venv .venv && .venv/bin/pip install -r Tests/Fixtures/golden/adjacency/requirements.txt
    .venv/bin/python Tests/Fixtures/golden/adjacency/make_adjacency_golden.py
"""
import json
import pathlib

import geopandas as gpd
import libpysal
import shapely

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[3]


def box(x0, y0, x1, y1):
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]


def fixture():
    """The hand-drawn layer: each zone's shape and why it is there."""
    features = [
        # A and B: B's bottom from x = 100 to 300 lies on A's top (x = 0 to 200): 100 m shared,
        # no common vertex (a T-junction at each end).
        ("A", {"type": "Polygon", "coordinates": [box(0, 0, 200, 100)]}),
        ("B", {"type": "Polygon", "coordinates": [box(100, 100, 300, 200)]}),
        # C shares A's east side (0..100 of x = 200) and B's bottom from x = 200 to 300: common
        # vertex (200, 100) with both, a T-junction at (300, 100) with B.
        ("C", {"type": "Polygon", "coordinates": [[[200, 0], [400, 0], [400, 100], [300, 100], [200, 100], [200, 0]]]}),
        # D touches C only at its corner (400, 100): a corner (queen, not rook).
        ("D", {"type": "Polygon", "coordinates": [box(400, 100, 500, 200)]}),
        # E with a hole that F fills: 400 m shared, common vertices.
        ("E", {"type": "Polygon", "coordinates": [box(600, 0, 900, 300), box(700, 100, 800, 200)[::-1]]}),
        ("F", {"type": "Polygon", "coordinates": [box(700, 100, 800, 200)]}),
        # G in two parts on either side of H: one zone, 200 m shared, common vertices.
        ("G", {"type": "MultiPolygon", "coordinates": [[box(0, 400, 100, 500)], [box(300, 400, 400, 500)]]}),
        ("H", {"type": "Polygon", "coordinates": [box(100, 400, 300, 500)]}),
        # J: H's top from x = 150 to 250 (both ends T-junctions): 100 m shared, no common vertex.
        ("J", {"type": "Polygon", "coordinates": [box(150, 500, 250, 600)]}),
        # K: an island 1 km east of E.
        ("K", {"type": "Polygon", "coordinates": [box(1900, 0, 2000, 100)]}),
    ]
    return {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}},
        "features": [{"type": "Feature", "properties": {"code": code}, "geometry": geometry} for code, geometry in features],
    }


def ordered(a, b):
    return (a, b) if a.encode() < b.encode() else (b, a)


def write_pairs(path, pairs, header="zone_a,zone_b"):
    rows = sorted(pairs, key=lambda p: (p[0].encode(), p[1].encode()))
    path.write_text(header + "\n" + "".join(",".join(str(v) for v in row) + "\n" for row in rows))


def golden(name, frame, id_field):
    # Zones in several features are one zone, as catchment reads them.
    frame = frame.dissolve(by=id_field, as_index=False)
    ids = frame[id_field].tolist()
    for kind, weights in (("rook", libpysal.weights.Rook), ("queen", libpysal.weights.Queen)):
        w = weights.from_dataframe(frame, ids=ids, use_index=False, silence_warnings=True)
        pairs = {ordered(a, b) for a, neighbours in w.neighbors.items() for b in neighbours}
        write_pairs(HERE / f"{name}_{kind}.csv", pairs)
    geometries = dict(zip(ids, frame.geometry))
    tree = shapely.STRtree(frame.geometry.values)
    left, right = tree.query(frame.geometry.values, predicate="intersects")
    rows = set()
    for i, j in zip(left, right):
        if i == j:
            continue
        a, b = ordered(ids[i], ids[j])
        shared = geometries[a].boundary.intersection(geometries[b].boundary).length
        rows.add((a, b, f"{shared:.2f}"))
    write_pairs(HERE / f"{name}_shapely.csv", rows, header="zone_a,zone_b,shared_m")


def main():
    layer = fixture()
    (HERE / "fixture.geojson").write_text(json.dumps(layer, separators=(",", ":")) + "\n")
    golden("fixture", gpd.GeoDataFrame.from_features(layer["features"], crs="EPSG:27700"), "code")
    golden("demo", gpd.read_file(ROOT / "data" / "lsoa_boundaries.geojson"), "LSOA21CD")


if __name__ == "__main__":
    main()
