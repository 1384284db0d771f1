"""Recompute every `catchment regions` output of run.sh in pandas and assert it matches the summary.

    python check_regions.py --data DIR --out DIR --runs NAME... [--evaluate NAME=CROSSWALK] [--blocks NAME=CROSSWALK]
                            [--adjacency catchment_adjacency.csv] [--min-population N] [--max-population N]

For each run NAME: reads OUT/NAME_crosswalk.csv (for --evaluate runs, the evaluated crosswalk itself) and
OUT/NAME_summary.csv, recomputes from the prepared flows, locations and populations (regionlib) each region's
population, zones, resident and internal flow, self-containment, market share and parts, and the overall
self-containment (Σ internal / Σ flow to located trusts); contiguity on the libpysal rook adjacency plus the
island links catchment chose. Method runs must have every region in one piece, and with --blocks every block in
one region (reported as not accepted; only a disagreement with the recomputation fails the script). The catchment adjacency is compared pair by pair with libpysal's (reported, not asserted: the issue
expects differences where libpysal's vertex matching misses shared lines). Writes OUT/checks.json.
"""
import argparse
import json
import os
import sys

import numpy as np
import pandas as pd

import regionlib

FAILURES = []    # catchment's outputs disagree with the recomputation: the script fails
ACCEPTANCE = []  # outputs agree, but an acceptance condition does not hold (reported, listed in the results)


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print(f"MISMATCH {what}", file=sys.stderr)


def accept(cond, what):
    if not cond:
        ACCEPTANCE.append(what)
        print(f"NOT ACCEPTED {what}", file=sys.stderr)


def close(a, b, rel=1e-7, abs_=0.011):
    return abs(a - b) <= max(abs_, rel * max(abs(a), abs(b)))


def compare_adjacency(path, peer_path):
    """catchment's adjacency CSV against the libpysal peer's, pair by pair (links listed apart)."""
    ours = pd.read_csv(path, dtype={"zone_a": str, "zone_b": str})
    peer = pd.read_csv(peer_path, dtype={"zone_a": str, "zone_b": str})
    o = ours.set_index(["zone_a", "zone_b"])
    p = peer.set_index(["zone_a", "zone_b"])
    geo_o = o[o["kind"] != "link"]
    geo_p = p[p["kind"] != "link"]
    only_o = geo_o.index.difference(geo_p.index)
    only_p = geo_p.index.difference(geo_o.index)
    both = geo_o.index.intersection(geo_p.index)
    kind_diff = (geo_o.loc[both, "kind"] != geo_p.loc[both, "kind"])
    dm = (geo_o.loc[both, "shared_m"] - geo_p.loc[both, "shared_m"]).abs()
    res = {
        "catchment_pairs": int(len(geo_o)), "libpysal_pairs": int(len(geo_p)),
        "edges": int((o["kind"] == "edge").sum()), "corners": int((o["kind"] == "corner").sum()),
        "links": [[a, b] for (a, b) in o[o["kind"] == "link"].index],
        "only_catchment": [[a, b, float(geo_o.loc[(a, b), "shared_m"]), geo_o.loc[(a, b), "kind"]] for a, b in only_o],
        "only_libpysal": [[a, b, float(geo_p.loc[(a, b), "shared_m"]), geo_p.loc[(a, b), "kind"]] for a, b in only_p],
        "kind_differs": int(kind_diff.sum()),
        "shared_m_max_abs_diff": float(dm.max()) if len(dm) else 0.0,
        "shared_m_over_1m": int((dm > 1).sum()),
    }
    print(f"adjacency: catchment {res['catchment_pairs']} pairs ({res['edges']} edge, {res['corners']} corner, "
          f"{len(res['links'])} links), libpysal {res['libpysal_pairs']}; only catchment {len(only_o)}, only "
          f"libpysal {len(only_p)}, kind differs {res['kind_differs']}, shared_m max |diff| "
          f"{res['shared_m_max_abs_diff']:.2f} m", file=sys.stderr)
    return res, o[o["kind"] == "link"].reset_index()


def check_run(inp, name, crosswalk, summary, lo, hi, method, blocks):
    labels = inp.assignment(crosswalk)
    check(all(l is not None for l in labels), f"{name}: zones missing from {crosswalk}")
    m = regionlib.measure(inp, labels, lo, hi)
    s = pd.read_csv(summary, dtype={"region_id": str})
    check(list(s["region_id"]) == sorted(s["region_id"]), f"{name}: summary rows not in byte order of region_id")
    check(sorted(s["region_id"]) == m["names"], f"{name}: summary regions differ from the crosswalk's")
    idx = {n: i for i, n in enumerate(m["names"])}
    # Units located in each region (all located trusts, and those receiving flow: either count is accepted).
    tm = pd.read_csv(os.path.join(inp.folder, "trust_msoa.csv"), dtype=str)
    reg_of_zone = dict(zip(inp.zones, m["region"]))
    units_all = np.bincount(tm["msoa11cd"].map(reg_of_zone).dropna().astype(int), minlength=m["K"])
    used = tm[tm["trust_code"].isin(inp.flows["trust_code"])]
    units_used = np.bincount(used["msoa11cd"].map(reg_of_zone).dropna().astype(int), minlength=m["K"])
    zones = np.bincount(m["region"], minlength=m["K"])
    inflow = np.bincount(m["region"][inp.dst], weights=inp.flow, minlength=m["K"])
    for row in s.itertuples():
        r = idx.get(row.region_id)
        if r is None:
            continue
        market = m["internal"][r] / inflow[r] if inflow[r] > 0 else 0.0
        sc = m["internal"][r] / m["resident"][r] if m["resident"][r] > 0 else 0.0
        for col, want in (("population", m["pop"][r]), ("resident_flow", m["resident"][r]),
                          ("internal_flow", m["internal"][r])):
            check(close(getattr(row, col), want), f"{name} {row.region_id} {col}: summary {getattr(row, col)} vs {want}")
        for col, want in (("self_containment", sc), ("market_share", market)):
            check(close(getattr(row, col), want, rel=1e-8, abs_=1e-8),
                  f"{name} {row.region_id} {col}: summary {getattr(row, col)} vs {want}")
        check(row.zones == zones[r], f"{name} {row.region_id} zones: {row.zones} vs {zones[r]}")
        check(row.units in (units_all[r], units_used[r]), f"{name} {row.region_id} units: {row.units} vs "
              f"{units_used[r]} (with flow) / {units_all[r]} (all located)")
        check(row.parts == m["parts"][r], f"{name} {row.region_id} parts: {row.parts} vs {m['parts'][r]}")
    overall = s["internal_flow"].sum() / inp.flow.sum()
    check(close(overall, m["sc"], rel=1e-8, abs_=1e-8), f"{name}: overall SC from summary {overall} vs {m['sc']}")
    if method:
        split = [f"{m['names'][r]} ({m['parts'][r]} parts)" for r in range(m["K"]) if m["parts"][r] > 1]
        accept(not split, f"{name}: regions in more than one piece: {', '.join(split)}")
    res = {k: (float(v) if isinstance(v, (np.floating, float)) else v) for k, v in m.items()
           if k in ("K", "sc", "min_sc", "mean_sc", "parts_max", "regions_split", "pop_min", "pop_max")}
    res["out_of_bounds"] = m["out_of_bounds"]
    res["K"] = int(res["K"])
    if blocks:
        b = pd.read_csv(blocks, dtype={"zone_id": str, "footprint_id": str})
        b = b.assign(region=b["zone_id"].map(reg_of_zone))
        split = b.groupby("footprint_id")["region"].nunique()
        accept((split == 1).all(), f"{name}: blocks split across regions: {list(split[split > 1].index)}")
        res["blocks_split"] = int((split > 1).sum())
    print(f"{name}: {regionlib.fmt(m)}", file=sys.stderr)
    return res


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--runs", nargs="+", required=True)
    p.add_argument("--evaluate", action="append", default=[])
    p.add_argument("--blocks", action="append", default=[])
    p.add_argument("--adjacency")
    p.add_argument("--min-population", type=float, default=250_000)
    p.add_argument("--max-population", type=float, default=3_500_000)
    args = p.parse_args()
    inp = regionlib.Inputs(args.data)
    out = {"runs": {}}
    if args.adjacency:
        out["adjacency"], links = compare_adjacency(args.adjacency, os.path.join(args.data, "adjacency_libpysal.csv"))
        # Contiguity counts libpysal's rook pairs plus the island links catchment chose.
        extra_a = links["zone_a"].map(inp.index).to_numpy(np.int64)
        extra_b = links["zone_b"].map(inp.index).to_numpy(np.int64)
        inp.rook_a = np.concatenate([inp.rook_a, extra_a])
        inp.rook_b = np.concatenate([inp.rook_b, extra_b])
        inp.rook_shared = np.concatenate([inp.rook_shared, np.zeros(len(extra_a))])
    evaluate = dict(e.split("=", 1) for e in args.evaluate)
    blocks = dict(b.split("=", 1) for b in args.blocks)
    for name in args.runs:
        crosswalk = evaluate.get(name, os.path.join(args.out, f"{name}_crosswalk.csv"))
        summary = os.path.join(args.out, f"{name}_summary.csv")
        out["runs"][name] = check_run(inp, name, crosswalk, summary, args.min_population, args.max_population,
                                      method=name not in evaluate, blocks=blocks.get(name))
    out["failures"] = FAILURES
    out["acceptance"] = ACCEPTANCE
    with open(os.path.join(args.out, "checks.json"), "w") as f:
        json.dump(out, f, indent=1, default=str)
    if FAILURES:
        print(f"check_regions.py: {len(FAILURES)} mismatches", file=sys.stderr)
        sys.exit(1)
    print("check_regions.py: every summary matches the pandas recomputation", file=sys.stderr)


if __name__ == "__main__":
    main()
