"""Shared pieces of the regions peers: reading the prepared inputs and measuring a zone → region assignment.

Measures (issue 13): the flow of zone z to unit u lands in the zone holding u. A region's self-containment is
internal flow / flow of its residents; overall self-containment is Σ internal / Σ flow to located units; parts
is the number of connected pieces of a region on the rook adjacency (edge + link pairs; corners excluded).
"""
import os

import numpy as np
import pandas as pd


class Inputs:
    """The prepared folder (prepare.py) as arrays indexed by zone (byte order of the MSOA codes)."""

    def __init__(self, folder):
        self.folder = folder
        pop = pd.read_csv(os.path.join(folder, "msoa_population.csv"), dtype={"msoa11cd": str})
        self.zones = sorted(pop["msoa11cd"])
        self.index = {z: i for i, z in enumerate(self.zones)}
        self.population = pop.set_index("msoa11cd")["population"].reindex(self.zones).to_numpy(float)
        fl = pd.read_csv(os.path.join(folder, "flows.csv"), dtype={"msoa11cd": str, "trust_code": str})
        tm = pd.read_csv(os.path.join(folder, "trust_msoa.csv"), dtype=str)
        fl = fl.merge(tm, on="trust_code", how="left", suffixes=("", "_unit"))
        self.unlocated_flow = float(fl.loc[fl["msoa11cd_unit"].isna(), "flow"].sum())
        fl = fl.dropna(subset=["msoa11cd_unit"])
        self.flows = fl  # msoa11cd, trust_code, flow, msoa11cd_unit
        self.src = fl["msoa11cd"].map(self.index).to_numpy(np.int64)
        self.dst = fl["msoa11cd_unit"].map(self.index).to_numpy(np.int64)
        self.flow = fl["flow"].to_numpy(float)
        adj = pd.read_csv(os.path.join(folder, "adjacency_libpysal.csv"), dtype={"zone_a": str, "zone_b": str})
        self.adjacency = adj
        rook = adj[adj["kind"] != "corner"]
        self.rook_a = rook["zone_a"].map(self.index).to_numpy(np.int64)
        self.rook_b = rook["zone_b"].map(self.index).to_numpy(np.int64)
        self.rook_shared = rook["shared_m"].to_numpy(float)

    def assignment(self, crosswalk):
        """zone index → region label (str) from a zone_id,footprint_id crosswalk file; None where missing."""
        x = pd.read_csv(crosswalk, dtype={"zone_id": str, "footprint_id": str})
        m = dict(zip(x["zone_id"], x["footprint_id"]))
        return np.array([m.get(z) for z in self.zones], dtype=object)


def codes(labels):
    """Region labels → dense ints (labels in byte order) and the label list."""
    uniq = sorted(set(labels))
    pos = {u: i for i, u in enumerate(uniq)}
    return np.array([pos[l] for l in labels], dtype=np.int64), uniq


def pieces(inputs, region):
    """Connected pieces of every region on the rook adjacency: array indexed by region int."""
    piece = split_pieces(inputs, region)
    k = region.max() + 1
    return np.array([len(np.unique(piece[region == r])) for r in range(k)], dtype=np.int64)


def measure(inputs, labels, lo=250_000, hi=3_500_000):
    """Summary of an assignment (labels per zone): K, overall/min/mean SC, parts, population range, out of bounds."""
    region, names = codes(labels)
    k = len(names)
    resident = np.bincount(region[inputs.src], weights=inputs.flow, minlength=k)
    inside = region[inputs.src] == region[inputs.dst]
    internal = np.bincount(region[inputs.src][inside], weights=inputs.flow[inside], minlength=k)
    pop = np.bincount(region, weights=inputs.population, minlength=k)
    sc = np.divide(internal, resident, out=np.zeros(k), where=resident > 0)
    parts = pieces(inputs, region)
    return {
        "K": k,
        "sc": internal.sum() / inputs.flow.sum(),
        "min_sc": sc.min(),
        "mean_sc": (sc * resident).sum() / resident.sum(),
        "parts_max": int(parts.max()),
        "regions_split": int((parts > 1).sum()),
        "pop_min": pop.min(),
        "pop_max": pop.max(),
        "out_of_bounds": [names[r] for r in range(k) if pop[r] < lo or pop[r] > hi],
        "names": names, "region": region, "internal": internal, "resident": resident, "pop": pop, "parts": parts,
    }


def fmt(m):
    return (f"K={m['K']} SC={m['sc']:.4f} minSC={m['min_sc']:.4f} meanSC={m['mean_sc']:.4f} "
            f"parts_max={m['parts_max']} split={m['regions_split']} pop={m['pop_min']:.0f}..{m['pop_max']:.0f} "
            f"out_of_bounds={len(m['out_of_bounds'])}")


def split_pieces(inp, member):
    """Community labels → piece labels: connected pieces of each community on the rook adjacency."""
    n = len(member)
    parent = list(range(n))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    same = member[inp.rook_a] == member[inp.rook_b]
    for a, b in zip(inp.rook_a[same], inp.rook_b[same]):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    roots = np.array([find(i) for i in range(n)])
    _, piece = np.unique(roots, return_inverse=True)
    return piece


def merge_small(inp, region, min_pop):
    """Merge regions under min_pop, smallest first, into the neighbour exchanging most flow (rook adjacency)."""
    region = region.copy()
    # Flow exchanged between zone pairs in either direction, aggregated per region pair as regions merge.
    while True:
        k = region.max() + 1
        pop = np.bincount(region, weights=inp.population, minlength=k)
        alive = np.unique(region)
        small = [r for r in alive if pop[r] < min_pop]
        if not small:
            break
        first_zone = {r: np.flatnonzero(region == r)[0] for r in alive}
        r = min(small, key=lambda s: (pop[s], first_zone[s]))
        ra, rb = region[inp.rook_a], region[inp.rook_b]
        touch = (ra == r) ^ (rb == r)
        if not touch.any():
            raise SystemExit(f"leiden.py: region {r} has no neighbour")
        nbr_shared = pd.Series(inp.rook_shared[touch]).groupby(np.where(ra[touch] == r, rb[touch], ra[touch])).sum()
        rs, rd = region[inp.src], region[inp.dst]
        ex = (rs == r) ^ (rd == r)
        other = np.where(rs[ex] == r, rd[ex], rs[ex])
        exchange = pd.Series(inp.flow[ex]).groupby(other).sum()
        cands = [(exchange.get(n, 0.0), nbr_shared[n], -first_zone[n], n) for n in nbr_shared.index]
        target = max(cands)[3]
        region[region == r] = target
    _, region = np.unique(region, return_inverse=True)
    return region


def region_ids(inp, region):
    """Region id: the trust located in the region receiving most flow from its residents (ties: code order)."""
    fl = inp.flows.assign(r_src=region[inp.src], r_dst=region[inp.dst])
    inside = fl[fl["r_src"] == fl["r_dst"]].groupby(["r_src", "trust_code"])["flow"].sum().reset_index()
    inside = inside.sort_values(["r_src", "flow", "trust_code"], ascending=[True, False, True])
    best = dict(zip(inside.drop_duplicates("r_src")["r_src"], inside.drop_duplicates("r_src")["trust_code"]))
    first = {}
    for i, r in enumerate(region):
        first.setdefault(r, inp.zones[i])
    return np.array([best.get(r, first[r]) for r in region], dtype=object)
