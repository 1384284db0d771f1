#!/usr/bin/env python3
"""Writes demo_icb_dissolved.geojson (beside this script): the demo LSOAs
(data/lsoa_boundaries.geojson) dissolved by ICB (data/lsoa_sicbl_icb_lad_lookup.csv) with
shapely's coverage union, an independent stand-in for the project's GEOS dissolve so that the
CatchmentFigures tests need no GEOS. Coordinates are written exactly as shapely returns them.

Run: python3 -m venv /tmp/venv && /tmp/venv/bin/pip install shapely==2.2.0
     /tmp/venv/bin/python Tests/Fixtures/figures/make_demo_icb_dissolved.py
"""
import csv
import json
import os

import shapely
from shapely.geometry import mapping, shape

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
root = os.path.dirname(root)
with open(os.path.join(root, "data", "lsoa_boundaries.geojson")) as f:
    lsoas = json.load(f)["features"]
icb = {}
with open(os.path.join(root, "data", "lsoa_sicbl_icb_lad_lookup.csv"), encoding="utf-8-sig") as f:
    for row in csv.DictReader(f):
        icb[row["LSOA21CD"]] = row["ICB23CD"]
groups = {}
for feature in lsoas:
    code = icb.get(feature["properties"]["LSOA21CD"])
    if code:
        groups.setdefault(code, []).append(shape(feature["geometry"]))
features = []
for code in sorted(groups):
    union = shapely.coverage_union_all(groups[code])
    union = shapely.normalize(union)
    features.append({"type": "Feature", "properties": {"ICB23CD": code, "zones": len(groups[code]), "area": union.area},
                     "geometry": mapping(union)})
out = {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}},
       "features": features}
with open(os.path.join(here, "demo_icb_dissolved.geojson"), "w") as f:
    json.dump(out, f)
    f.write("\n")
print({feature["properties"]["ICB23CD"]: (feature["properties"]["zones"], feature["geometry"]["type"]) for feature in features})
