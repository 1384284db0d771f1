"""Writes the hand-worked box layers used by the geometry crosswalk tests, with Python's own
json and csv modules (independent of the package's readers and writers).

    python3 Tests/Fixtures/geo/make_boxes.py

Footprints (British National Grid metres): A (0,0)-(100,100); B (100,0)-(200,100);
C (0,100)-(200,200) with a hole (40,140)-(60,160). Zones: z1 inside A; z2 across the A|B edge;
z3 split A/B/C 1/4, 1/4, 1/2; z4 105 m east of B; z5 in C's hole; z6 two parts (in C and in
B); z7 half in B, half outside. Centroids: box middles, none for z6. The expected weights are
worked out in Tests/CatchmentAnalysisTests/SpatialCrosswalkTests.swift.
"""
import csv
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
CRS = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}}


def ring(box, clockwise=False):
    x0, y0, x1, y1 = box
    corners = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]
    if clockwise:
        corners.reverse()
    return corners + [corners[0]]


def feature(key, code, name, boxes, holes=()):
    polygons = [[ring(b)] + ([ring(h, clockwise=True) for h in holes] if k == 0 else []) for k, b in enumerate(boxes)]
    geometry = {"type": "Polygon", "coordinates": polygons[0]} if len(polygons) == 1 else {"type": "MultiPolygon", "coordinates": polygons}
    return {"type": "Feature", "properties": {key: code, "name": name}, "geometry": geometry}


def write(name, features):
    doc = {"type": "FeatureCollection", "crs": CRS, "features": features}
    (HERE / name).write_text(json.dumps(doc, indent=1) + "\n")


write("footprints.geojson", [
    feature("FP_CODE", "A", "Alpha", [(0, 0, 100, 100)]),
    feature("FP_CODE", "B", "Beta", [(100, 0, 200, 100)]),
    feature("FP_CODE", "C", "Gamma, with a hole", [(0, 100, 200, 200)], [(40, 140, 60, 160)]),
])
write("zones.geojson", [
    feature("ZONE_CODE", "z1", "", [(10, 10, 30, 30)]),
    feature("ZONE_CODE", "z2", "", [(90, 40, 110, 60)]),
    feature("ZONE_CODE", "z3", "", [(80, 80, 120, 120)]),
    feature("ZONE_CODE", "z4", "", [(300, 0, 310, 10)]),
    feature("ZONE_CODE", "z5", "", [(45, 145, 55, 155)]),
    feature("ZONE_CODE", "z6", "", [(10, 110, 20, 120), (150, 50, 160, 60)]),
    feature("ZONE_CODE", "z7", "", [(190, 40, 210, 60)]),
])
with open(HERE / "centroids.csv", "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["EASTING", "NORTHING", "zone_code"])
    for code, x, y in [("z1", 20, 20), ("z2", 100, 50), ("z3", 100, 100), ("z4", 305, 5), ("z5", 50, 150), ("z7", 200, 50)]:
        out.writerow([x, y, code])
