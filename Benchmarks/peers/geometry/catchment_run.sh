#!/usr/bin/env bash
# The national geometry job with catchment, one command after another (the whole chain is
# timed as one process tree by compare.sh): best-fit crosswalk and its populations, area
# crosswalk and its populations.
#   catchment_run.sh CATCHMENT ZONES_DIR ZONE_ID FOOTPRINTS FOOTPRINT_ID CENTROIDS CENTROID_ID POPULATION OUT_DIR
set -euo pipefail
catchment="$1" zones="$2" zone_id="$3" footprints="$4" footprint_id="$5" centroids="$6" centroid_id="$7" population="$8" out="$9"
mkdir -p "$out"
"$catchment" crosswalk --method best-fit --zones "$zones" --zone-id "$zone_id" --footprints "$footprints" \
  --footprint-id "$footprint_id" --centroids "$centroids" --centroid-id "$centroid_id" -o "$out/bestfit.csv" --quiet
"$catchment" populations --population "$population" --population-id "Area Codes" --population-value "All Ages" \
  --crosswalk "$out/bestfit.csv" -o "$out/population_bestfit.csv" --quiet
"$catchment" crosswalk --method area --zones "$zones" --zone-id "$zone_id" --footprints "$footprints" \
  --footprint-id "$footprint_id" -o "$out/area.csv" --quiet
"$catchment" populations --population "$population" --population-id "Area Codes" --population-value "All Ages" \
  --crosswalk "$out/area.csv" -o "$out/population_area.csv" --quiet
