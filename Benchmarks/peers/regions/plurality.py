"""Plurality (Dartmouth hospital service areas) in Python: the cross-check of `catchment regions --method plurality`.

    python plurality.py [--data /tmp/regions-real] [--min-population 250000] [--out DIR]

1. Seeds: the MSOAs holding a trust. Each MSOA's flow is summed by the MSOA holding the trust; the MSOA joins the
   region of the location receiving the plurality of its flow (ties: the location first in code order). A seed
   MSOA seeds its own region, wherever its residents go.
2. Contiguity: the piece of each region holding its seed stays; every detached piece (rook adjacency: edge +
   island links), in order of its first MSOA code, joins the neighbouring region it shares most boundary with
   (ties: code order), until every region is one piece.
3. `--min-population` (0 = none): regions below it merged, smallest first, into the adjacent region they exchange
   most flow with (regionlib.merge_small).
Writes plurality-py_crosswalk.csv (and, with a minimum, plurality-py-min_crosswalk.csv) and prints the figures.
"""
import argparse
import os
import sys

import numpy as np
import pandas as pd

import regionlib


def plurality(inp):
    n = len(inp.zones)
    f = pd.DataFrame({"s": inp.src, "d": inp.dst, "w": inp.flow}).groupby(["s", "d"], sort=True)["w"].sum()
    f = f.reset_index().sort_values(["s", "w", "d"], ascending=[True, False, True]).drop_duplicates("s")
    region = np.arange(n)  # zones with no flow stay alone (none on the real data)
    region[f["s"].to_numpy()] = f["d"].to_numpy()
    seeds = np.unique(inp.dst)
    region[seeds] = seeds
    return region, seeds


def make_contiguous(inp, region, seeds):
    region = region.copy()
    seedset = set(seeds.tolist())
    while True:
        piece = regionlib.split_pieces(inp, region)
        # A piece is detached when it holds no seed of its region's own label.
        detached = []
        for p in np.unique(piece):
            zs = np.flatnonzero(piece == p)
            r = region[zs[0]]
            if not (r in seedset and r in zs):
                detached.append((zs[0], p, zs))
        if not detached:
            return region
        for _, p, zs in sorted(detached, key=lambda t: t[0]):
            r = region[zs[0]]
            inside = np.isin(inp.rook_a, zs) ^ np.isin(inp.rook_b, zs)
            other = np.where(np.isin(inp.rook_a[inside], zs), inp.rook_b[inside], inp.rook_a[inside])
            shared = pd.Series(inp.rook_shared[inside]).groupby(region[other]).sum()
            shared = shared[shared.index != r]
            if shared.empty:
                continue
            target = sorted(shared.items(), key=lambda kv: (-kv[1], inp.zones[kv[0]]))[0][0]
            region[zs] = target


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="/tmp/regions-real")
    p.add_argument("--min-population", type=float, default=250_000)
    p.add_argument("--max-population", type=float, default=3_500_000)
    p.add_argument("--out", default=None)
    args = p.parse_args()
    out = args.out or args.data
    inp = regionlib.Inputs(args.data)
    raw, seeds = plurality(inp)
    m = regionlib.measure(inp, raw, args.min_population, args.max_population)
    print(f"plurality (before contiguity): {regionlib.fmt(m)}", file=sys.stderr)
    region = make_contiguous(inp, raw, seeds)
    moved = int((region != raw).sum())
    runs = [("plurality-py", region)]
    if args.min_population > 0:
        runs.append(("plurality-py-min", regionlib.merge_small(inp, region, args.min_population)))
    for name, reg in runs:
        m = regionlib.measure(inp, reg, args.min_population, args.max_population)
        print(f"{name}: {regionlib.fmt(m)}" + (f" ({moved} MSOAs moved for contiguity)" if name == "plurality-py" else ""),
              file=sys.stderr)
        ids = regionlib.region_ids(inp, reg)
        pd.DataFrame({"zone_id": inp.zones, "footprint_id": ids, "weight": 1}).to_csv(
            os.path.join(out, f"{name}_crosswalk.csv"), index=False)


if __name__ == "__main__":
    main()
