"""Writes the seed corpora of the fuzz targets (Tests/Fixtures/fuzz/<target>/seed-*) from the
demo data (data/) and the geometry fixtures (Tests/Fixtures/geo/), kept small: CSVs cut to
their first 30 lines, GeoJSON cut to its first 3 features (re-serialised, so still valid).
Plain Python 3, no packages:

    python3 Tests/Fixtures/fuzz/make_seeds.py

Crash inputs found by the fuzzers are kept beside the seeds as crash-* (never rewritten here).
"""
import json
import sqlite3
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "data"
GEO = ROOT / "Tests/Fixtures/geo"
OUT = Path(__file__).resolve().parent


def seed(target, name, data):
    folder = OUT / target
    folder.mkdir(exist_ok=True)
    (folder / f"seed-{name}").write_bytes(data)


def head(path, lines=30):
    return b"".join(path.read_bytes().splitlines(keepends=True)[:lines])


for old in OUT.glob("*/seed-*"):
    old.unlink()

# GeoJSON: the demo layers and the fixtures, first 3 features each.
for path in sorted(DATA.glob("*.geojson")) + sorted(GEO.glob("*.geojson")):
    doc = json.loads(path.read_bytes())
    doc["features"] = doc["features"][:3]
    seed("geojson", path.stem, json.dumps(doc, ensure_ascii=False).encode())

# Shapefile sets: LE32 .shp length, LE32 .shx length, .shp, .shx, .dbf (see ShapefileFuzz).
for shp in sorted(DATA.glob("*.shp")) + sorted(GEO.glob("*.shp")):
    parts = [shp.with_suffix(ext).read_bytes() for ext in (".shp", ".shx", ".dbf")]
    seed("shapefile", shp.stem, struct.pack("<II", len(parts[0]), len(parts[1])) + b"".join(parts))
    seed("dbf", shp.stem, parts[2])

# GeoPackage: mode 0 + a whole file (the smaller fixture); mode 1 + each geometry blob.
seed("geopackage", "readers", b"\x00" + (GEO / "readers.gpkg").read_bytes())
for gpkg in sorted(GEO.glob("*.gpkg")):
    with sqlite3.connect(gpkg) as db:
        layers = [r[0] for r in db.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")]
        for layer in layers:
            column = db.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (layer,)).fetchone()[0]
            for fid, blob in db.execute(f'SELECT fid, "{column}" FROM "{layer}" ORDER BY fid'):
                if blob is not None:
                    seed("geopackage", f"{gpkg.stem}-{layer}-{fid}", b"\x01" + blob)

# CSV tables: the demo files (and fixtures in the same layouts), first 30 lines.
tables = {
    "registrations": ["gp_reg_pat_prac_lsoa.csv", "gp_reg_pat_prac_lsoa_sex.csv", GEO / "registrations_boxes.csv"],
    "lookup": ["lsoa_sicbl_icb_lad_lookup.csv"],
    "practice-map": ["gp_reg_pat_prac_map.csv", GEO / "practice_map_boxes.csv"],
    "population": ["population_lsoa_mid2022.csv"],
    "centroids": ["lsoa_pwc.csv", GEO / "centroids.csv"],
    "postcodes": ["postcodes.csv", GEO / "postcodes_codepoint.csv", GEO / "practices_epraccur.csv", "trusts_etr.csv"],
    "activity": ["trust_activity.csv"],
    "crosswalk": [GEO / "crosswalk_boxes.csv"],
    "recode": ["gp_reg_pat_prac_lsoa.csv", "gp_reg_pat_prac_lsoa_sex.csv"],
}
for target, files in tables.items():
    for name in files:
        path = name if isinstance(name, Path) else DATA / name
        seed(target, path.stem, head(path))

# Extra seeds where the demo has one file only: other layouts the readers accept.
seed("lookup", "weighted", b"LSOA21CD,ICB23CD,ObjectId\nE01100001,E54000901,0.25\nE01100001,E54000902,0.75\nE01100002,,1\n")
seed("population", "stacked", b"Area Codes,Sex,All Ages\nE01100001,Persons,100\nE01100001,Male,49\nE01100002,Persons,\"1,200.5\"\n")
seed("population", "pseudo-and-totals", b"\xef\xbb\xbfArea Codes,Area Names,All Ages\nE92000001,England,1000\nW01000001,Wales,5\nE99999999,pseudo,1\nE01100003,x,7\n")
seed("activity", "quoted", b'catchment_year,admission_type,lsoa21cd,trust_code,patients,total_patients,proportion\n2021,All,"E01100001",R9A,1,2,0.5\n2021,All,E01100001,"",1,2,0.5\n')
seed("crosswalk", "methods", b"zone_id,footprint_id,footprint_name,weight,method,distance_m\nE01100001,A,\"Alpha, the first\",0.5,area,\nE01100001,B,Beta,0.5,area,\nE01100002,UNALLOCATED,,1,best-fit,12.5\n")
seed("recode", "split-merge-passed", b'\xef\xbb\xbfnote,LSOA_CODE,NUMBER_OF_PATIENTS,PRACTICE_CODE\r\n"a, ""b""",E01100002,7,P1\r\nx,E01100003,-3,P1\r\nx,E01100004,1.5,P1\r\n,E01100005,9,P2\r\n,,1,P2\r\n,W01000001,2,P2\r\n')
seed("crosswalk", "crlf", b"zone_id,footprint_id,weight\r\nE01100001,A,1\r\nE01100002,A,1e0\r\n")
seed("lookup", "blank-and-repeated", b"LSOA21CD,SICBL23CD,SICBL23NM\n,E38000901,x\nE01100001,,\nE01100002,E38000901,x\nE01100002,E38000901,x\n")
seed("activity", "shares", b"lsoa21cd,trust_code,proportion\nE01100001,R9A,0.6\nE01100001,R9B,0.4\nE01199999,R9A,1\n")
seed("centroids", "lonlat-bom", b"\xef\xbb\xbfX,Y,objectid,LSOA21CD,x,y\n-1.5,53.1,1,E01100001,-1.5,53.1\n-1.6,53.2,2,E01100002,-1.6e0,53.2\n")
seed("practice-map", "repeated-and-blank", b"PRACTICE_CODE,PCN_CODE,PCN_NAME,ONS_ICB_CODE,ICB_NAME\nP1,U1,One,E54000901,North\nP1,U1,One,E54000901,North\nP2,,,,\n")
print("seeds:", sum(1 for _ in OUT.glob("*/seed-*")), "bytes:", sum(p.stat().st_size for p in OUT.glob("*/seed-*")))
