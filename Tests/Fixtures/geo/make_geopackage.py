"""Writes boxes.gpkg with pyogrio (GDAL's GeoPackage driver), an independent writer, for
the GeoPackage reader tests:

    python3 -m venv .venv && .venv/bin/pip install pyogrio shapely
    .venv/bin/python Tests/Fixtures/geo/make_geopackage.py

Two feature layers in EPSG:27700:
  footprints  A (0,0)-(100,100) with a hole (40,40)-(60,60) "Alpha";
              B two parts, (200,0)-(210,10) and (300,0)-(320,10) "Beta";
              N a null geometry
  zones_z     Z a 3-D square (0,0)-(10,10) at height 5 (PolygonZ in ISO WKB)
"""
from pathlib import Path

import numpy as np
import shapely
from pyogrio.raw import write

HERE = Path(__file__).resolve().parent
PATH = HERE / "boxes.gpkg"
PATH.unlink(missing_ok=True)

a = shapely.Polygon([(0, 0), (100, 0), (100, 100), (0, 100)], holes=[[(40, 40), (40, 60), (60, 60), (60, 40)]])
b = shapely.MultiPolygon([shapely.box(200, 0, 210, 10), shapely.box(300, 0, 320, 10)])
geometries = np.array([shapely.to_wkb(a), shapely.to_wkb(b), None], dtype=object)
write(PATH, geometries, [np.array(["A", "B", "N"], dtype=object), np.array(["Alpha", "Beta", "Null"], dtype=object)],
      fields=["code", "name"], layer="footprints", driver="GPKG", crs="EPSG:27700", geometry_type="MultiPolygon")

z = shapely.Polygon([(0, 0, 5), (10, 0, 5), (10, 10, 5), (0, 10, 5)])
write(PATH, np.array([shapely.to_wkb(z)], dtype=object), [np.array(["Z"], dtype=object)], fields=["code"],
      layer="zones_z", driver="GPKG", crs="EPSG:27700", geometry_type="Polygon Z", append=True)
