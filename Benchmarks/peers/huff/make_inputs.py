"""Inputs for the Huff benchmark, written to WORK (never into the project).

    python make_inputs.py REAL_DIR WORK_DIR

- centroids.csv   lsoa11cd,x,y: ONS LSOA 2011 population-weighted centroids of England (E01, 32,844),
                  taken from lon/lat to British National Grid (EPSG:27700) with pyproj, so that both
                  sides read the same metres;
- sites.csv       site_id,provider_id,x,y,beds: the 1,061 hospital points of geographr's 2022 set, each
                  given to the NHS trust whose headquarters is nearest (geographr's 2022 trust points;
                  hospitals carry no trust code), with a seeded synthetic bed count (log-normal, median
                  about 250) as attractiveness;
- population.csv  a copy-free pointer: the ONS mid-2017 LSOA estimates are read in place by both sides.
"""
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from pyproj import Transformer

real, work = Path(sys.argv[1]), Path(sys.argv[2])
work.mkdir(parents=True, exist_ok=True)
to_bng = Transformer.from_crs("OGC:CRS84", "EPSG:27700", always_xy=True)

pwc = pd.read_csv(real / "lookups/LSOA11_PWC_Dec2011_ONS.csv", encoding="utf-8-sig")
pwc = pwc[pwc["lsoa11cd"].str.startswith("E01")]
x, y = to_bng.transform(pwc["X"].to_numpy(), pwc["Y"].to_numpy())
pd.DataFrame({"lsoa11cd": pwc["lsoa11cd"], "x": np.round(x, 3), "y": np.round(y, 3)}).to_csv(work / "centroids.csv", index=False)


def points(path, name_key):
    document = json.loads(Path(path).read_text())
    rows = [(f["properties"].get(name_key), *f["geometry"]["coordinates"][:2]) for f in document["features"] if f["geometry"]]
    frame = pd.DataFrame(rows, columns=["name", "lon", "lat"])
    frame["x"], frame["y"] = to_bng.transform(frame["lon"].to_numpy(), frame["lat"].to_numpy())
    return frame


hospitals = points(real / "ods/geographr_points_hospitals22.geojson", "hospital22_name")
trusts = json.loads((real / "ods/geographr_points_nhs_trusts22.geojson").read_text())
trust_rows = [(f["properties"]["nhs_trust22_code"], *f["geometry"]["coordinates"][:2]) for f in trusts["features"] if f["geometry"]]
trust_frame = pd.DataFrame(trust_rows, columns=["code", "lon", "lat"])
tx, ty = to_bng.transform(trust_frame["lon"].to_numpy(), trust_frame["lat"].to_numpy())
d2 = (hospitals["x"].to_numpy()[:, None] - tx[None, :]) ** 2 + (hospitals["y"].to_numpy()[:, None] - ty[None, :]) ** 2
hospitals["provider_id"] = trust_frame["code"].to_numpy()[d2.argmin(axis=1)]
rng = np.random.default_rng(27700)
hospitals["beds"] = np.maximum(10, np.round(rng.lognormal(mean=np.log(250), sigma=0.8, size=len(hospitals)))).astype(int)
hospitals["site_id"] = [f"H{i:04d}" for i in range(len(hospitals))]
sites = hospitals[["site_id", "provider_id", "x", "y", "beds"]].copy()
sites["x"], sites["y"] = sites["x"].round(3), sites["y"].round(3)
sites.to_csv(work / "sites.csv", index=False)
print(f"{len(pwc)} centroids, {len(sites)} sites of {sites['provider_id'].nunique()} providers", file=sys.stderr)
