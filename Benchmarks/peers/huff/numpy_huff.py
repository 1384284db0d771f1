"""The Huff model vectorised with NumPy: the same model as `catchment catchments --method huff`.

    python numpy_huff.py CENTROIDS POPULATION SITES OUT [alpha beta max_distance min_distance]

P(z,s) = A_s^α·d^−β / Σ_{s' within max_distance} A_s'^α·d^−β, d = max(distance, min_distance), for each
zone z (population-weighted centroid) and site s; a provider's share is the sum over its sites; the
catchment population CP(p) = Σz share(z,p)·pop(z); zones with no site within reach, and zones without a
centroid, go to UNATTRIBUTED. Zones: the E01 codes of the population table (as catchment takes the
table's most common GSS prefix). Zones are done in blocks of 2,048 × all sites (a dense distance
matrix per block; the cap is a mask). Writes provider_id,catchment_population sorted, UNATTRIBUTED last.
"""
import sys

import numpy as np
import pandas as pd

centroids_path, population_path, sites_path, out = sys.argv[1:5]
alpha, beta, cap, floor = (float(v) for v in (sys.argv[5:9] if len(sys.argv) >= 9 else (1, 2, 50_000, 100)))

population = pd.read_csv(population_path, usecols=["Area Codes", "All Ages"], thousands=",", dtype={"Area Codes": str})
population = population[population["Area Codes"].str.startswith("E01")]
centroids = pd.read_csv(centroids_path).drop_duplicates("lsoa11cd")
zones = population.merge(centroids, left_on="Area Codes", right_on="lsoa11cd", how="left")
sites = pd.read_csv(sites_path)
providers = np.sort(sites["provider_id"].unique())
provider_index = np.searchsorted(providers, sites["provider_id"].to_numpy())
weight = sites["beds"].to_numpy(dtype=float) ** alpha
# Site → provider as a 0/1 matrix, so that summing over each provider's sites is one matrix product.
membership = np.zeros((len(sites), len(providers)))
membership[np.arange(len(sites)), provider_index] = 1.0
sx, sy = sites["x"].to_numpy(dtype=float), sites["y"].to_numpy(dtype=float)

zx, zy = zones["x"].to_numpy(dtype=float), zones["y"].to_numpy(dtype=float)
pop = zones["All Ages"].to_numpy(dtype=float)
catchment = np.zeros(len(providers))
attributed = np.zeros(len(zones))
for start in range(0, len(zones), 2048):
    stop = min(len(zones), start + 2048)
    d2 = (zx[start:stop, None] - sx[None, :]) ** 2 + (zy[start:stop, None] - sy[None, :]) ** 2
    pull = np.where(d2 <= cap * cap, weight[None, :] * np.maximum(d2, floor * floor) ** (-beta / 2), 0.0)
    pull[~np.isfinite(d2)] = 0.0
    total = pull.sum(axis=1)
    share = np.divide(pull, total[:, None], out=np.zeros_like(pull), where=total[:, None] > 0)
    catchment += pop[start:stop] @ share @ membership
    attributed[start:stop] = np.where(total > 0, pop[start:stop], 0.0)
unattributed = pop.sum() - attributed.sum()
table = pd.DataFrame({"provider_id": list(providers) + ["UNATTRIBUTED"], "catchment_population": list(catchment) + [unattributed]})
table.to_csv(out, index=False, float_format="%.17g")
