"""The national geometry job with geopandas and tobler, in one process, for comparison with catchment.

    python peer_run.py ZONES_DIR ZONE_ID FOOTPRINTS FOOTPRINT_ID CENTROIDS CENTROID_ID POPULATION OUT_DIR

Reads every zone file of ZONES_DIR (geopandas.read_file, pyogrio engine, Arrow) and concatenates them,
the footprints (GeoJSON or Shapefile) and the population-weighted centroids (CSV, X/Y longitude/latitude);
reprojects everything to EPSG:27700; then
  best fit: each zone to the footprint its centroid intersects (geopandas.sjoin, predicate "intersects";
            a centroid on a shared edge goes to the lowest footprint id), else to the nearest footprint
            within 1,000 m (geopandas.sjoin_nearest, max_distance=1000; ties to the lowest id), else
            UNALLOCATED;
  area:     tobler.area_weighted.area_interpolate(source_df=zones with population, target_df=footprints,
            extensive_variables=["population"], allocate_total=True), i.e. each zone's population shared
            by area(z ∩ f) / Σ_f area(z ∩ f);
and writes, like catchment's commands,
  OUT_DIR/bestfit.csv             zone_id,footprint_id,weight,method,distance_m
  OUT_DIR/population_bestfit.csv  footprint_id,footprint_name,population
  OUT_DIR/population_area.csv     footprint_id,footprint_name,population
(tobler does not expose its zone × footprint weights, so there is no area crosswalk file.)
"""
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
from tobler.area_weighted import area_interpolate

CRS = "EPSG:27700"
SNAP_METRES = 1000.0
UNALLOCATED = "UNALLOCATED"

zones_dir, zone_id, footprints_path, footprint_id, centroids_path, centroid_id, population_path, out = sys.argv[1:9]
OUT = Path(out)
OUT.mkdir(parents=True, exist_ok=True)


def read(path, column):
    frame = gpd.read_file(path, engine="pyogrio", use_arrow=True, columns=[column])
    return frame.to_crs(CRS)


# --- read and reproject -------------------------------------------------------------------------
files = sorted(p for p in Path(zones_dir).iterdir() if p.suffix.lower() in (".geojson", ".json"))
zones = pd.concat([read(p, zone_id) for p in files], ignore_index=True)
footprints = read(footprints_path, footprint_id).sort_values(footprint_id, ignore_index=True)

centroids = pd.read_csv(centroids_path, encoding="utf-8-sig", usecols=["X", "Y", centroid_id])
points = gpd.GeoDataFrame(
    {centroid_id: centroids[centroid_id]},
    geometry=gpd.points_from_xy(centroids["X"], centroids["Y"]),
    crs="OGC:CRS84",
).to_crs(CRS)
points = points[points[centroid_id].isin(zones[zone_id])]

# --- best fit -----------------------------------------------------------------------------------
hits = gpd.sjoin(points, footprints, how="inner", predicate="intersects")
inside = hits.sort_values([centroid_id, footprint_id]).drop_duplicates(centroid_id)[[centroid_id, footprint_id]]
outside = points[~points[centroid_id].isin(inside[centroid_id])]
near = gpd.sjoin_nearest(outside, footprints, how="inner", max_distance=SNAP_METRES, distance_col="distance_m")
near = near.sort_values([centroid_id, "distance_m", footprint_id]).drop_duplicates(centroid_id)
near = near[[centroid_id, footprint_id, "distance_m"]]
best = pd.concat([inside, near], ignore_index=True).rename(columns={centroid_id: "zone_id", footprint_id: "footprint_id"})
best = zones[[zone_id]].rename(columns={zone_id: "zone_id"}).merge(best, on="zone_id", how="left")
best["footprint_id"] = best["footprint_id"].fillna(UNALLOCATED)
best["weight"] = 1
best["method"] = "best-fit"
best["distance_m"] = best["distance_m"].round(2)
best = best.sort_values(["zone_id", "footprint_id"])[["zone_id", "footprint_id", "weight", "method", "distance_m"]]
best.to_csv(OUT / "bestfit.csv", index=False)

# --- populations --------------------------------------------------------------------------------
population = pd.read_csv(population_path, usecols=["Area Codes", "All Ages"], thousands=",", dtype={"Area Codes": str})
population = population.rename(columns={"Area Codes": "zone_id", "All Ages": "population"})
population["population"] = population["population"].astype(float)


def write_population(by_footprint, name):
    table = by_footprint.rename("population").rename_axis("footprint_id").reset_index()
    table.insert(1, "footprint_name", "")
    table.sort_values("footprint_id").to_csv(OUT / name, index=False)


write_population(best.merge(population, on="zone_id").groupby("footprint_id")["population"].sum(), "population_bestfit.csv")

zones = zones.merge(population, left_on=zone_id, right_on="zone_id", how="left").fillna({"population": 0.0})
areal = area_interpolate(source_df=zones, target_df=footprints, extensive_variables=["population"], allocate_total=True)
write_population(pd.Series(areal["population"].to_numpy(), index=footprints[footprint_id].to_numpy()), "population_area.csv")
