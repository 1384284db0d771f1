"""Writes the boundary-reader fixtures `readers*` with pyogrio (GDAL's GeoJSON, ESRI Shapefile
and GeoPackage drivers), an independent writer, so that the package's readers are tested on
files they did not write:

    python3 -m venv /tmp/geo-venv && /tmp/geo-venv/bin/pip install pyogrio shapely numpy
    /tmp/geo-venv/bin/python Tests/Fixtures/geo/make_fixtures.py

Written with pyogrio 0.13.0 (GDAL 3.12.4), shapely 2.2.0. The same five features, in British
National Grid metres (EPSG:27700), go into every format (see README.md for what each tests):

  A  "Ynys Môn"        square 0..100 with a hole 40..60                      POP 1000
  B  "Brent – Harrow"  two outer rings: 200..210 × 0..10 and 300..320 × 0..10 POP 2000
  C  "Nested"          400..500 with a hole 420..480, and in that hole an
                       island 430..470 with its own hole 445..455             POP 3000
  N  "Null"            no geometry                                            POP 0
  D  "Deleted"         square 600..610 (its .dbf record is marked deleted)   POP 4000

Files:
  readers.geojson       GeoJSON with the legacy `crs` member GDAL writes for EPSG:27700
  readers_crs84.geojson two lon/lat squares, RFC 7946 (no `crs` member), integer ids
  readers.shp (+ .shx .dbf .prj .cpg)   .cpg "ISO-8859-1"; record D marked deleted
  readers_cp1252.shp (+ .shx .dbf .prj) Windows-1252 text, no .cpg, language-driver byte 0x57
  readers.gpkg          layers `zones` (the five features) and `zones_z` (PolygonZ with a hole,
                        and an empty polygon)

Two things GDAL will not write are patched here, byte by byte, after it has written the files:
the dBASE deletion flag ('*' as the first byte of D's record: pyogrio writes features, never
deleted records) and the language-driver
byte (byte 29 of the .dbf header, set to 0x57 "ANSI", with the .cpg removed, for
readers_cp1252). The GeoPackage is rewritten by SQLite's VACUUM with 1 KiB pages, which keeps
its content and shrinks the file (GDAL's default 4 KiB pages leave it mostly empty).
"""
import sqlite3
from pathlib import Path

import numpy as np
import shapely
from pyogrio.raw import write

HERE = Path(__file__).resolve().parent


def square(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


A = shapely.Polygon(square(0, 0, 100, 100), holes=[square(40, 40, 60, 60)])
B = shapely.MultiPolygon([shapely.box(200, 0, 210, 10), shapely.box(300, 0, 320, 10)])
C = shapely.MultiPolygon([
    shapely.Polygon(square(400, 0, 500, 100), holes=[square(420, 20, 480, 80)]),
    shapely.Polygon(square(430, 30, 470, 70), holes=[square(445, 45, 455, 55)]),
])
D = shapely.box(600, 0, 610, 10)

CODES = ["A", "B", "C", "N", "D"]
NAMES = ["Ynys Môn", "Brent – Harrow", "Nested", "Null", "Deleted"]
POPS = [1000, 2000, 3000, 0, 4000]
GEOMETRIES = [A, B, C, None, D]


def wkb(geometries):
    return np.array([None if g is None else shapely.to_wkb(g) for g in geometries], dtype=object)


def columns(names=NAMES):
    return [np.array(CODES, dtype=object), np.array(names, dtype=object), np.array(POPS, dtype=np.int32)]


def remove(stem):
    for path in HERE.glob(stem + ".*"):
        if path.suffix != ".py":
            path.unlink()


def patch_dbf(path, deleted_record=None, language_driver=None):
    dbf = bytearray(path.read_bytes())
    header = int.from_bytes(dbf[8:10], "little")
    record = int.from_bytes(dbf[10:12], "little")
    if deleted_record is not None:
        dbf[header + deleted_record * record] = ord("*")
    if language_driver is not None:
        dbf[29] = language_driver
    path.write_bytes(bytes(dbf))


FIELDS = ["CODE", "NAME", "POP"]

# GeoJSON, EPSG:27700: GDAL writes the legacy (2008) crs member.
remove("readers")
write(HERE / "readers.geojson", wkb(GEOMETRIES), columns(), fields=FIELDS, driver="GeoJSON",
      crs="EPSG:27700", geometry_type="MultiPolygon", layer="readers")

# GeoJSON, RFC 7946: CRS84, no crs member, integer ids, rings rewound to RFC 7946 order.
remove("readers_crs84")
write(HERE / "readers_crs84.geojson",
      wkb([shapely.box(-1.5, 53.0, -1.4, 53.1), shapely.box(-1.4, 53.0, -1.3, 53.1)]),
      [np.array([11, 12], dtype=np.int64), np.array(["Café \"west\"", "East"], dtype=object)],
      fields=["ID", "NAME"], driver="GeoJSON", crs="EPSG:4326", geometry_type="Polygon",
      layer="readers_crs84", layer_options={"RFC7946": "YES"})

# Shapefile, Latin-1 (.cpg "ISO-8859-1"); "–" is not Latin-1, so B's name is written as "-".
write(HERE / "readers.shp", wkb(GEOMETRIES), columns([n.replace("–", "-") for n in NAMES]),
      fields=FIELDS, driver="ESRI Shapefile", crs="EPSG:27700", geometry_type="MultiPolygon",
      encoding="ISO-8859-1")
patch_dbf(HERE / "readers.dbf", deleted_record=CODES.index("D"))

# Shapefile, Windows-1252 known only from the language-driver byte.
remove("readers_cp1252")
write(HERE / "readers_cp1252.shp", wkb(GEOMETRIES), columns(), fields=FIELDS, driver="ESRI Shapefile",
      crs="EPSG:27700", geometry_type="MultiPolygon", encoding="cp1252")
(HERE / "readers_cp1252.cpg").unlink()
patch_dbf(HERE / "readers_cp1252.dbf", language_driver=0x57)

# GeoPackage with two feature layers.
gpkg = HERE / "readers.gpkg"
write(gpkg, wkb(GEOMETRIES), columns(), fields=FIELDS, driver="GPKG", crs="EPSG:27700",
      geometry_type="MultiPolygon", layer="zones", layer_options={"SPATIAL_INDEX": "NO"})
z = shapely.Polygon([(0, 0, 5), (10, 0, 5), (10, 10, 6), (0, 10, 6)], holes=[[(2, 2, 5), (2, 4, 5), (4, 4, 5), (4, 2, 5)]])
write(gpkg, wkb([z, shapely.Polygon()]), [np.array(["Z", "E"], dtype=object)], fields=["code"],
      driver="GPKG", crs="EPSG:27700", geometry_type="Polygon Z", layer="zones_z",
      layer_options={"SPATIAL_INDEX": "NO"}, append=True)
db = sqlite3.connect(gpkg, isolation_level=None)
db.execute("PRAGMA page_size = 1024")  # takes effect at the VACUUM, same connection
db.execute("VACUUM")
db.close()
