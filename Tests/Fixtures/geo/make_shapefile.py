"""Writes boxes.shp/.shx/.dbf/.prj/.cpg with pyshp (PyPI `pyshp`), an independent shapefile
writer, for the shapefile reader tests:

    python3 -m venv .venv && .venv/bin/pip install pyshp
    .venv/bin/python Tests/Fixtures/geo/make_shapefile.py

Records (outer rings clockwise, holes anticlockwise, as the format requires):
  1 A   "Ãlpha" (non-ASCII, Latin-1 .cpg)  square 0..100 with a hole 40..60
  2 B   two outer rings (a multipolygon): 200..210 and 300..320 (x), 0..10 (y)
  3 NUL a null shape
  4 DEL a square marked deleted in the .dbf (pyshp cannot write deletions: the script sets
        the record's deletion flag byte to '*' afterwards)
The .prj is the ESRI WKT of British National Grid.
"""
from pathlib import Path

import shapefile

HERE = Path(__file__).resolve().parent
BASE = HERE / "boxes"


def clockwise(x0, y0, x1, y1):
    return [(x0, y0), (x0, y1), (x1, y1), (x1, y0), (x0, y0)]


def anticlockwise(x0, y0, x1, y1):
    return list(reversed(clockwise(x0, y0, x1, y1)))


with shapefile.Writer(str(BASE), shapeType=shapefile.POLYGON, encoding="latin1") as w:
    w.field("CODE", "C", size=10)
    w.field("NAME", "C", size=30)
    w.field("POP", "N", size=10, decimal=0)
    w.poly([clockwise(0, 0, 100, 100), anticlockwise(40, 40, 60, 60)])
    w.record("A", "Ãlpha", 1000)
    w.poly([clockwise(200, 0, 210, 10), clockwise(300, 0, 320, 10)])
    w.record("B", "Beta", 2000)
    w.null()
    w.record("NUL", "Null shape", 0)
    w.poly([clockwise(0, 0, 1, 1)])
    w.record("DEL", "Deleted", 0)

# Mark the fourth DBF record deleted: header length at bytes 8-9, record length at 10-11.
dbf = bytearray((HERE / "boxes.dbf").read_bytes())
header = int.from_bytes(dbf[8:10], "little")
record = int.from_bytes(dbf[10:12], "little")
dbf[header + 3 * record] = ord("*")
(HERE / "boxes.dbf").write_bytes(bytes(dbf))
(HERE / "boxes.cpg").write_text("ISO-8859-1")
(HERE / "boxes.prj").write_text(
    'PROJCS["British_National_Grid",GEOGCS["GCS_OSGB_1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396,299.3249646]],'
    'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],'
    'PARAMETER["False_Easting",400000.0],PARAMETER["False_Northing",-100000.0],PARAMETER["Central_Meridian",-2.0],'
    'PARAMETER["Scale_Factor",0.9996012717],PARAMETER["Latitude_Of_Origin",49.0],UNIT["Meter",1.0]]'
)
