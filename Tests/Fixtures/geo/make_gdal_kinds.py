"""Writes the regression fixtures for file kinds that GDAL, QGIS and geopandas write in the
wild and that the package's readers once read differently from GDAL (issue 9 §0):

    python3 -m venv /tmp/geoio-venv && /tmp/geoio-venv/bin/pip install pyogrio shapely numpy geopandas
    /tmp/geoio-venv/bin/python Tests/Fixtures/geo/make_gdal_kinds.py

Files (British National Grid metres, EPSG:27700):
  curves.gpkg           written by GDAL's GeoPackage driver from ISO WKB that this script
                        builds byte by byte (shapely has no curve types); GDAL re-encodes each
                        geometry as its own GeoPackage blob. Layers:
                          linear_curves (CurvePolygon): L1 a CurvePolygon whose exterior is a
                            LineString 0..100 square and whose hole is a CompoundCurve of two
                            LineStrings (the 40..60 square); L2 a CurvePolygon 200..210 square
                          linear_surfaces (MultiSurface): M1 a MultiSurface of a Polygon
                            (300..320 × 0..10) and a CurvePolygon (LineString ring 400..410 ×
                            0..10)
                          arcs (CurvePolygon): R1 a CurvePolygon whose exterior is a
                            CompoundCurve of a CircularString (a half circle) and a LineString
  nulls.shp (+ .shx .dbf .prj .cpg)  written by GDAL's ESRI Shapefile driver with integer
                        fields ZONE_ID and POP where some values are null: GDAL (shapelib's
                        DBFWriteNULLAttribute) fills a null numeric field with asterisks, as
                        QGIS does. Records: A (ZONE_ID 1, POP 10), B (ZONE_ID null, POP 20),
                        C (ZONE_ID 3, POP null); squares 0..10, 20..30, 40..50.
  feature_ids_gdal.geojson        GDAL's GeoJSON driver with ID_FIELD=code: the code goes
                        into each Feature's own "id" member, not into "properties".
  feature_ids_geopandas.geojson   geopandas' to_json() (the GeoDataFrame index as the Feature
                        "id", as strings), properties "name" only.

Written with pyogrio 0.12+ (GDAL 3.x), geopandas 1.x, shapely 2.x; versions printed below.
"""
import json
import sqlite3
import struct
from pathlib import Path

import geopandas
import numpy as np
import pyogrio
import shapely
from pyogrio.raw import write

HERE = Path(__file__).resolve().parent
print("pyogrio", pyogrio.__version__, "GDAL", pyogrio.__gdal_version_string__, "geopandas", geopandas.__version__,
      "shapely", shapely.__version__)


# ISO WKB, little-endian: byte order 1, uint32 type, then the body.
def wkb(type_code, body):
    return struct.pack("<BI", 1, type_code) + body


def points(coords):
    return struct.pack("<I", len(coords)) + b"".join(struct.pack("<dd", x, y) for x, y in coords)


def linestring(coords):
    return wkb(2, points(coords))


def circularstring(coords):
    return wkb(8, points(coords))


def compoundcurve(parts):
    return wkb(9, struct.pack("<I", len(parts)) + b"".join(parts))


def curvepolygon(rings):
    return wkb(10, struct.pack("<I", len(rings)) + b"".join(rings))


def polygon(rings):
    return wkb(3, struct.pack("<I", len(rings)) + b"".join(points(r) for r in rings))


def multisurface(surfaces):
    return wkb(12, struct.pack("<I", len(surfaces)) + b"".join(surfaces))


def square(x0, y0, x1, y1):
    # Clockwise from the lower left, closed.
    return [(x0, y0), (x0, y1), (x1, y1), (x1, y0), (x0, y0)]


gpkg = HERE / "curves.gpkg"
gpkg.unlink(missing_ok=True)


def write_layer(layer, geometry_type, codes, geometries):
    write(str(gpkg), geometry=np.array(geometries, dtype=object), field_data=[np.array(codes, dtype=object)],
          fields=["code"], geometry_type=geometry_type, crs="EPSG:27700", driver="GPKG", layer=layer, append=gpkg.exists())


write_layer("linear_curves", "Unknown", ["L1", "L2"], [
    curvepolygon([
        linestring(square(0, 0, 100, 100)),
        compoundcurve([linestring([(40, 40), (60, 40), (60, 60)]), linestring([(60, 60), (40, 60), (40, 40)])]),
    ]),
    curvepolygon([linestring(square(200, 0, 210, 10))]),
])
write_layer("linear_surfaces", "Unknown", ["M1"], [
    multisurface([polygon([square(300, 0, 320, 10)]), curvepolygon([linestring(square(400, 0, 410, 10))])]),
])
write_layer("arcs", "Unknown", ["R1"], [
    curvepolygon([compoundcurve([circularstring([(0, 0), (10, 10), (20, 0)]), linestring([(20, 0), (0, 0)])])]),
])

# Shapefile with null numbers: GDAL writes asterisks for them.
shp = HERE / "nulls.shp"
boxes = [shapely.box(0, 0, 10, 10), shapely.box(20, 0, 30, 10), shapely.box(40, 0, 50, 10)]
write(str(shp), geometry=shapely.to_wkb(boxes), geometry_type="Polygon", crs="EPSG:27700", driver="ESRI Shapefile",
      field_data=[np.array(["A", "B", "C"], dtype=object), np.array([1, 0, 3], dtype=np.int32),
                  np.array([10, 20, 0], dtype=np.int32)],
      fields=["CODE", "ZONE_ID", "POP"],
      # Masks mark the nulls: B's ZONE_ID, C's POP.
      field_mask=[None, np.array([False, True, False]), np.array([False, False, True])])
dbf = (HERE / "nulls.dbf").read_bytes()
assert b"*" * 5 in dbf, "GDAL no longer writes asterisks for null numbers"

# GeoJSON with Feature ids.
frame = geopandas.GeoDataFrame({"code": ["F1", "F2"], "name": ["One", "Two"]},
                               geometry=[shapely.box(0, 0, 10, 10), shapely.box(20, 0, 30, 10)], crs="EPSG:27700")
out = HERE / "feature_ids_gdal.geojson"
out.unlink(missing_ok=True)
frame.to_file(out, driver="GeoJSON", engine="pyogrio", ID_FIELD="code")
by_index = frame.drop(columns="code").set_index(frame["code"])
(HERE / "feature_ids_geopandas.geojson").write_text(by_index.to_json() + "\n")
for name in ["feature_ids_gdal.geojson", "feature_ids_geopandas.geojson"]:
    features = json.loads((HERE / name).read_text())["features"]
    assert [f["id"] for f in features] == ["F1", "F2"] and all("code" not in f["properties"] for f in features), name
print("written")

# Smaller GeoPackage, same content (as make_fixtures.py does).
with sqlite3.connect(gpkg) as db:
    db.execute("PRAGMA page_size = 1024")
    db.execute("VACUUM")
    for layer in ["linear_curves", "linear_surfaces", "arcs"]:
        for code, blob in db.execute(f'SELECT code, geom FROM "{layer}" ORDER BY fid'):
            # Header "GP", version, flags, srs id, envelope; then the WKB type code.
            envelope = [0, 32, 48, 48, 64][(blob[3] >> 1) & 7]
            print(layer, code, "WKB type", struct.unpack_from("<I", blob, 8 + envelope + 1)[0])
