"""Inputs of the regions benchmark (issue 13), written from the real files to one folder.

    python prepare.py [--real DIR] [--out DIR]     (defaults: $CATCHMENT_REAL_DATA or ../shared/real, /tmp/regions-real)

Reads /work/shared/real in place (never copied into the project) and writes:

- msoa_population.csv  msoa11cd,population: ONS mid-2017 LSOA 2011 all-ages estimates (SAPE20DT1) summed to
                       MSOA 2011 through the LSOA11 -> MSOA11 lookup (England only).
- flows.csv            msoa11cd,trust_code,flow: flow = the OHID-derived 2019 share of the MSOA's admissions going
                       to the trust x the MSOA population (people-equivalents; shares per MSOA sum to 0.77-1.00).
- trust_points.csv     trust_code,trust_name,x,y: NHS trust points (ods/, CRS84) in EPSG:27700 metres.
- trust_msoa.csv       trust_code,msoa11cd: the MSOA 2011 polygon holding each trust point.
- msoa_icb22.csv       zone_id,footprint_id,weight: each MSOA to the ICB (July 2022) holding most of its LSOAs.
- msoa_utla21.csv      zone_id,footprint_id,weight: each MSOA to its upper-tier council (2021): unitary,
                       metropolitan and London councils (E06/E08/E09) are their own upper tier; a two-tier
                       district (E07) goes to its county (E10) through lad21_cty21.csv beside this script.
- adjacency_libpysal.csv zone_a,zone_b,shared_m,kind: libpysal queen weights (shared vertices) joined with a
                       shapely STRtree 'touches/intersects' pass (shared lines with no common vertex), the shared
                       boundary length measured by shapely in EPSG:27700; kind edge (> 1 m shared), corner
                       (otherwise), link (islands joined from the zone nearest the rest, shared_m 0).
- prepare-report.txt   every count below (unmatched LSOAs, trusts without points, split MSOAs, ...).
"""
import argparse
import os
import sys
import time

import geopandas as gpd
import pandas as pd

import adjacency_peer

HERE = os.path.dirname(os.path.abspath(__file__))
REPORT = []


def say(line):
    REPORT.append(line)
    print(line, file=sys.stderr)


def read_msoas(real):
    gdf = adjacency_peer.read_layer(os.path.join(real, "boundaries/msoa2011_england_by_lad"), "MSOA11CD",
                                    ["UTLACD"], say=say)
    say(f"msoa polygons: {len(gdf)} zones")
    return gdf


def population(real, out):
    sape = pd.read_csv(os.path.join(real, "population/SAPE20DT1_mid2017_LSOA_allages_EW_hsma.csv"),
                       dtype=str, thousands=None)
    sape["pop"] = sape["All Ages"].str.replace(",", "", regex=False).astype(float)
    sape = sape[sape["Area Codes"].str.startswith(("E01", "W01"))]
    look = pd.read_csv(os.path.join(real, "lookups/geographr_converted/lookup_lsoa11_msoa11.csv"), dtype=str)
    look = look.drop_duplicates(["lsoa11_code", "msoa11_code"])
    m = sape.merge(look[["lsoa11_code", "msoa11_code"]], left_on="Area Codes", right_on="lsoa11_code", how="left")
    eng = m[m["Area Codes"].str.startswith("E01")]
    unmatched = eng[eng["msoa11_code"].isna()]
    say(f"population: {len(sape)} LSOA rows (E01/W01), {len(eng)} English LSOAs, "
        f"{len(unmatched)} English LSOAs with no MSOA in the lookup ({unmatched['pop'].sum():.0f} people)")
    missing = set(look.loc[look["lsoa11_code"].str.startswith("E01"), "lsoa11_code"]) - set(sape["Area Codes"])
    say(f"population: {len(missing)} English LSOAs of the lookup with no population estimate")
    pop = (eng.dropna(subset=["msoa11_code"]).groupby("msoa11_code")["pop"].sum()
           .rename_axis("msoa11cd").rename("population").reset_index())
    pop = pop[pop["msoa11cd"].str.startswith("E02")].sort_values("msoa11cd")
    pop.to_csv(os.path.join(out, "msoa_population.csv"), index=False, float_format="%.0f")
    say(f"population: {len(pop)} MSOAs, {pop['population'].sum():.0f} people")
    return pop


def flows(real, out, pop):
    sh = pd.read_csv(os.path.join(real, "catchments/geographr_lookup_trust_msoa_2019_DERIVED.csv"),
                     dtype={"msoa_code": str, "trust_code": str})
    f = sh.merge(pop, left_on="msoa_code", right_on="msoa11cd", how="left")
    nopop = f["population"].isna()
    say(f"flows: {len(sh)} share rows, {sh['msoa_code'].nunique()} MSOAs, {sh['trust_code'].nunique()} trusts; "
        f"{nopop.sum()} rows of MSOAs with no population (dropped)")
    f = f[~nopop]
    f = f.assign(flow=f["proportion"] * f["population"])
    f = f[["msoa11cd", "trust_code", "flow"]].sort_values(["msoa11cd", "trust_code"])
    f.to_csv(os.path.join(out, "flows.csv"), index=False, float_format="%.6f")
    say(f"flows: {len(f)} rows, total flow {f['flow'].sum():.1f} "
        f"({f['flow'].sum() / pop['population'].sum():.4f} of the population)")
    return f


def trusts(real, out, msoas, fl):
    pts = gpd.read_file(os.path.join(real, "ods/geographr_points_nhs_trusts22.geojson")).to_crs(27700)
    pts = pts.rename(columns={"nhs_trust22_code": "trust_code", "nhs_trust22_name": "trust_name"})
    dup = pts["trust_code"].duplicated().sum()
    if dup:
        say(f"trust points: {dup} duplicate codes, first kept")
        pts = pts.drop_duplicates("trust_code")
    pts = pts.sort_values("trust_code").reset_index(drop=True)
    tp = pd.DataFrame({"trust_code": pts["trust_code"], "trust_name": pts["trust_name"],
                       "x": pts.geometry.x.round(2), "y": pts.geometry.y.round(2)})
    tp.to_csv(os.path.join(out, "trust_points.csv"), index=False, float_format="%.2f")
    j = gpd.sjoin(pts[["trust_code", "geometry"]], msoas[["MSOA11CD", "geometry"]], how="left",
                  predicate="within")
    j = j.sort_values(["trust_code", "MSOA11CD"]).drop_duplicates("trust_code")
    outside = j[j["MSOA11CD"].isna()]["trust_code"].tolist()
    located = j.dropna(subset=["MSOA11CD"])
    tm = pd.DataFrame({"trust_code": located["trust_code"], "msoa11cd": located["MSOA11CD"]})
    tm.to_csv(os.path.join(out, "trust_msoa.csv"), index=False)
    used = set(fl["trust_code"])
    nopoint = sorted(used - set(pts["trust_code"]))
    lost = fl[fl["trust_code"].isin(used - set(tm["trust_code"]))]["flow"].sum()
    say(f"trusts: {len(pts)} points ({(pts['status'] != 'open').sum()} closed), {len(tm)} inside an MSOA, "
        f"{len(outside)} outside every MSOA: {' '.join(outside)}")
    say(f"trusts: {len(used)} in the flows, {len(nopoint)} with no point: {' '.join(nopoint)}; "
        f"flow to trusts with no MSOA location {lost:.1f} ({lost / fl['flow'].sum():.4%})")
    return tm


def icb22(real, out, pop):
    lk = pd.read_csv(os.path.join(real, "lookups/geographr_converted/lookup_lsoa11_sicbl22_icb22_ltla22.csv"), dtype=str)
    lm = pd.read_csv(os.path.join(real, "lookups/geographr_converted/lookup_lsoa11_msoa11.csv"), dtype=str)
    m = lk[["lsoa11_code", "icb22_code"]].merge(lm[["lsoa11_code", "msoa11_code"]].drop_duplicates(), how="left")
    say(f"icb22: {len(lk)} LSOAs, {lk['icb22_code'].nunique()} ICBs, {m['msoa11_code'].isna().sum()} LSOAs with no MSOA")
    c = m.dropna().groupby(["msoa11_code", "icb22_code"]).size().rename("n").reset_index()
    split = c.groupby("msoa11_code").size()
    split = split[split > 1]
    # Majority of LSOAs; ties (none expected) to the ICB code first in byte order.
    c = c.sort_values(["msoa11_code", "n", "icb22_code"], ascending=[True, False, True])
    best = c.drop_duplicates("msoa11_code")
    say(f"icb22: {len(best)} MSOAs, {len(split)} split across ICBs: {' '.join(split.index[:20])}")
    x = pd.DataFrame({"zone_id": best["msoa11_code"], "footprint_id": best["icb22_code"], "weight": 1})
    x.to_csv(os.path.join(out, "msoa_icb22.csv"), index=False)
    ipop = x.merge(pop, left_on="zone_id", right_on="msoa11cd").groupby("footprint_id")["population"].sum()
    say(f"icb22: population per ICB {ipop.min():.0f} .. {ipop.max():.0f}")
    return x


def utla21(real, out, msoas, adj):
    lk = pd.read_csv(os.path.join(real, "lookups/geographr_converted/lookup_msoa11_ltla21.csv"), dtype=str)
    lk = lk[lk["msoa11_code"].str.startswith("E02")]
    cty = pd.read_csv(os.path.join(HERE, "lad21_cty21.csv"), dtype=str, comment="#")
    e07 = set(lk.loc[lk["ltla21_code"].str.startswith("E07"), "ltla21_code"])
    unmapped = sorted(e07 - set(cty["lad21cd"]))
    unused = sorted(set(cty["lad21cd"]) - e07)
    ncty = cty["cty21cd"].nunique()
    say(f"utla21: {len(lk)} MSOAs, {lk['ltla21_code'].nunique()} LTLAs 2021, {len(e07)} districts (E07); "
        f"table: {len(cty)} districts, {ncty} counties; unmapped {unmapped}; in the table but not the data {unused}")
    assert not unmapped and not unused and ncty == 24, "lad21_cty21.csv does not match the data"
    up = lk["ltla21_code"].map(dict(zip(cty["lad21cd"], cty["cty21cd"]))).fillna(lk["ltla21_code"])
    x = pd.DataFrame({"zone_id": lk["msoa11_code"], "footprint_id": up, "weight": 1}).sort_values("zone_id")
    # Independent check: the polygons carry a later UTLACD (2023: Cumbria, North Yorkshire and Somerset became
    # unitary); on the other 21 counties both must agree.
    poly = dict(zip(msoas["MSOA11CD"], msoas["UTLACD"]))
    both = x[x["footprint_id"].str.startswith("E10") & x["zone_id"].map(poly).str.startswith("E10")]
    disagree = (both["footprint_id"] != both["zone_id"].map(poly)).sum()
    say(f"utla21: {x['footprint_id'].nunique()} upper tiers; against the polygons' UTLACD on the counties they "
        f"share: {len(both)} MSOAs, {disagree} disagree")
    assert disagree == 0
    # Each county's districts contiguous on the MSOA adjacency (edges and corners, no island links).
    # Checked on all upper tiers, on the adjacency with island links (rook + links, as the regions use it)
    # and without them.
    block = dict(zip(x["zone_id"], x["footprint_id"]))
    for label, a in (("with island links", adj[adj["kind"] != "corner"]), ("edges only", adj[adj["kind"] == "edge"])):
        broken = []
        for c, zs in x.groupby("footprint_id")["zone_id"]:
            n = pieces(set(zs), a)
            if n != 1:
                broken.append(f"{c}:{n}")
        say(f"utla21: upper tiers in more than one piece on the MSOA rook adjacency {label}: "
            f"{' '.join(broken) or 'none'}")
    missing = set(msoas["MSOA11CD"]) - set(block)
    say(f"utla21: {len(missing)} MSOA polygons with no upper tier")
    x.to_csv(os.path.join(out, "msoa_utla21.csv"), index=False)
    return x


def pieces(zones, adj):
    """Connected pieces of a zone set on the adjacency pairs."""
    inside = adj[adj["zone_a"].isin(zones) & adj["zone_b"].isin(zones)]
    return len(adjacency_peer.components(sorted(zones), inside))


def real_default():
    """$CATCHMENT_REAL_DATA, else ../shared/real beside the checkout (or beside its worktree folder)."""
    if os.environ.get("CATCHMENT_REAL_DATA"):
        return os.environ["CATCHMENT_REAL_DATA"]
    root = os.path.normpath(os.path.join(HERE, "../../.."))
    for up in ("../shared/real", "../../shared/real"):
        cand = os.path.normpath(os.path.join(root, up))
        if os.path.isdir(cand):
            return cand
    return os.path.normpath(os.path.join(root, "../shared/real"))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--real", default=real_default())
    p.add_argument("--out", default="/tmp/regions-real")
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    msoas = read_msoas(args.real)
    pop = population(args.real, args.out)
    fl = flows(args.real, args.out, pop)
    trusts(args.real, args.out, msoas, fl)
    icb22(args.real, args.out, pop)
    t0 = time.perf_counter()
    adj = adjacency_peer.measure(msoas, "MSOA11CD", compare_rook=True, say=say)
    adj.to_csv(os.path.join(args.out, "adjacency_libpysal.csv"), index=False, float_format="%.2f")
    say(f"adjacency: libpysal queen + rook + shapely lengths + links: {time.perf_counter() - t0:.1f} s")
    utla21(args.real, args.out, msoas, adj)
    with open(os.path.join(args.out, "prepare-report.txt"), "w") as f:
        f.write("\n".join(REPORT) + "\n")


if __name__ == "__main__":
    main()
