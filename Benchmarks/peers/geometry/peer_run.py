"""The national geometry job with geopandas and tobler, for comparison with catchment.

Reads every zone file of a folder (pyogrio, Arrow), the footprints and the centroids;
reprojects to EPSG:27700; then
  best fit: each zone to the footprint containing its population-weighted centroid
            (geopandas.sjoin, ties to the lowest footprint id), else the nearest footprint
            within 1,000 m (sjoin_nearest), else UNALLOCATED;
  area:     tobler.area_weighted.area_interpolate(allocate_total=True) of the zone populations;
and writes the best-fit crosswalk and both population tables, like catchment's commands.

    python peer_run.py ZONES_DIR ZONE_ID FOOTPRINTS FOOTPRINT_ID CENTROIDS CENTROID_ID POPULATION OUT_DIR
"""
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
from tobler.area_weighted import area_interpolate

zones_dir, zone_id, footprints_path, footprint_id, centroids_path, centroid_id, population_path, out = sys.argv[1:9]
OUT = Path(out)
OUT.mkdir(parents=True, exist_ok=True)
CRS = "EPSG:27700"

files = sorted(p for p in Path(zones_dir).iterdir() if p.suffix in (".geojson", ".json"))
zones = pd.concat([pyogrio.read_dataframe(p, columns=[zone_id], use_arrow=True) for p in files], ignore_index=True)
zones = gpd.GeoDataFrame(zones, geometry="geometry", crs=pyogrio.read_info(files[0])["crs"]).to_crs(CRS)
footprints = pyogrio.read_dataframe(footprints_path, columns=[footprint_id], use_arrow=True).to_crs(CRS)
footprints = footprints.sort_values(footprint_id).reset_index(drop=True)

centroids = pd.read_csv(centroids_path, encoding="utf-8-sig")
centroids = gpd.GeoDataFrame(centroids[[centroid_id]], geometry=gpd.points_from_xy(centroids["X"], centroids["Y"]), crs="OGC:CRS84").to_crs(CRS)
points = centroids[centroids[centroid_id].isin(set(zones[zone_id]))]

# Best fit: covering footprint (lowest id on shared edges), else nearest within 1 km.
joined = gpd.sjoin(points, footprints, how="left", predicate="intersects").sort_values([centroid_id, footprint_id])
first = joined.drop_duplicates(centroid_id)
inside = first.dropna(subset=[footprint_id])
outside = points[points[centroid_id].isin(first[first[footprint_id].isna()][centroid_id])]
near = gpd.sjoin_nearest(outside, footprints, how="left", max_distance=1000, distance_col="distance_m")
near = near.sort_values([centroid_id, footprint_id]).drop_duplicates(centroid_id)
best = pd.concat([inside[[centroid_id, footprint_id]], near[[centroid_id, footprint_id]]])
best = zones[[zone_id]].merge(best, left_on=zone_id, right_on=centroid_id, how="left")
best[footprint_id] = best[footprint_id].fillna("UNALLOCATED")
crosswalk = pd.DataFrame({"zone_id": best[zone_id], "footprint_id": best[footprint_id], "weight": 1})
crosswalk.sort_values(["zone_id", "footprint_id"]).to_csv(OUT / "peer_bestfit.csv", index=False)

population = pd.read_csv(population_path, dtype=str)
population["population"] = population.iloc[:, 1].str.replace(",", "").astype(float)
population = population.rename(columns={population.columns[0]: zone_id})[[zone_id, "population"]]
by_best = crosswalk.merge(population, left_on="zone_id", right_on=zone_id).groupby("footprint_id")["population"].sum()
by_best.to_csv(OUT / "peer_population_bestfit.csv")

zones = zones.merge(population, on=zone_id, how="left").fillna({"population": 0})
areal = area_interpolate(source_df=zones, target_df=footprints, extensive_variables=["population"], allocate_total=True)
areal[footprint_id] = footprints[footprint_id].values
areal[[footprint_id, "population"]].to_csv(OUT / "peer_population_area.csv", index=False)
