#!/usr/bin/env bash
# The national geometry job with catchment, as one process chain (compare.sh times the whole chain
# as one process tree): best-fit crosswalk → its populations, area crosswalk → its populations.
#
#   catchment_run.sh CATCHMENT ZONES_DIR ZONE_ID FOOTPRINTS FOOTPRINT_ID CENTROIDS CENTROID_ID POPULATION OUT_DIR
#
# Writes OUT_DIR/{bestfit,area}.csv (crosswalks) and OUT_DIR/population_{bestfit,area}.csv.
# Working CRS EPSG:27700 (catchment's default); centroids X/Y in OGC:CRS84; best fit snaps a centroid
# outside every footprint to the nearest within 1,000 m; area weights as tobler's allocate_total.
set -euo pipefail
catchment="$1" zones="$2" zone_id="$3" footprints="$4" footprint_id="$5" centroids="$6" centroid_id="$7" population="$8" out="$9"
mkdir -p "$out"
geometry=(--zones "$zones" --zone-id "$zone_id" --footprints "$footprints" --footprint-id "$footprint_id" --crs EPSG:27700)
populations=(--population "$population" --population-id "Area Codes" --population-value "All Ages")

"$catchment" crosswalk --method best-fit "${geometry[@]}" \
  --centroids "$centroids" --centroid-id "$centroid_id" --centroid-x X --centroid-y Y --centroid-crs OGC:CRS84 \
  --snap-distance 1000 -o "$out/bestfit.csv" --quiet
"$catchment" populations "${populations[@]}" --crosswalk "$out/bestfit.csv" -o "$out/population_bestfit.csv" --quiet

"$catchment" crosswalk --method area "${geometry[@]}" --area-basis covered -o "$out/area.csv" --quiet
"$catchment" populations "${populations[@]}" --crosswalk "$out/area.csv" -o "$out/population_area.csv" --quiet
