"""Dissolve all England LSOA 2011 polygons into ICB 2022 footprints with geopandas, as
`catchment propose --dissolve-output` does: read the 296 files (pyogrio, Arrow), join the lookup,
`GeoDataFrame.dissolve(by=...)` (shapely union_all per group), write GeoJSON.

    python peer_dissolve.py ZONES_DIR LOOKUP OUT.geojson
"""
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd

zones_dir, lookup_path, out = sys.argv[1:4]
files = sorted(p for p in Path(zones_dir).iterdir() if p.suffix.lower() in (".geojson", ".json"))
zones = pd.concat([gpd.read_file(p, engine="pyogrio", use_arrow=True, columns=["LSOA11CD"]) for p in files], ignore_index=True)
lookup = pd.read_csv(lookup_path, usecols=["lsoa11_code", "icb22_code"])
zones = zones.merge(lookup, left_on="LSOA11CD", right_on="lsoa11_code", how="inner")
dissolved = zones[["icb22_code", "geometry"]].dissolve(by="icb22_code").reset_index()
dissolved.to_file(out, driver="GeoJSON", engine="pyogrio")
