"""Write Benchmarks/results/regions-latest.md from one run.sh run (times, checks, peers' crosswalks)."""
import argparse
import datetime
import json
import os

import pandas as pd

import regionlib


def times(work):
    t = pd.read_csv(os.path.join(work, "times.tsv"), sep="\t", header=None, names=["step", "seconds", "rss_kib"])
    return {r.step: (float(r.seconds), float(r.rss_kib) / 1024) for r in t.itertuples()}


def markdown(df):
    """A DataFrame as a markdown table (ratios to 4 decimals, people as integers)."""
    def cell(v):
        if isinstance(v, float):
            return f"{v:,.0f}" if abs(v) >= 1000 else f"{v:.4f}"
        return str(v)
    lines = ["| " + " | ".join(df.columns) + " |", "|" + "---:|" * len(df.columns)]
    lines += ["| " + " | ".join(cell(v) for v in r) + " |" for r in df.itertuples(index=False)]
    return "\n".join(lines)


def row(label, m, t):
    secs, rss = t if t else (None, None)
    oob = len(m["out_of_bounds"])
    return (f"| {label} | {m['K']} | {m['sc']:.4f} | {m['min_sc']:.4f} | {m['parts_max']} | "
            f"{m['pop_min']:,.0f} – {m['pop_max']:,.0f} | {oob} | "
            f"{'' if secs is None else f'{secs:.2f}'} | {'' if rss is None else f'{rss:.0f}'} |")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--regions", type=int, default=42)
    p.add_argument("--min-population", type=float, default=250_000)
    p.add_argument("--max-population", type=float, default=3_500_000)
    p.add_argument("--units", default="points")
    p.add_argument("--flows", default="share")
    p.add_argument("--commit", default="")
    p.add_argument("--output", required=True)
    a = p.parse_args()
    out = os.path.join(a.work, "out")
    t = times(a.work)
    inp = regionlib.Inputs(a.data)
    lo, hi = a.min_population, a.max_population

    def py(path):
        return regionlib.measure(inp, inp.assignment(path), lo, hi)
    icb = py(os.path.join(a.data, "msoa_icb22.csv"))
    leiden = pd.read_csv(os.path.join(out, "leiden.tsv"), sep="\t").set_index("method")
    lk = py(os.path.join(out, "leiden-k_crosswalk.csv"))
    l42 = py(os.path.join(out, "leiden_crosswalk.csv"))
    checks_path = os.path.join(out, "checks.json")
    checks = json.load(open(checks_path)) if os.path.exists(checks_path) else None
    runs = checks["runs"] if checks else {}

    L = [f"# Regions: catchment vs ICBs 2022, Leiden and plurality on all England (issue 13)", ""]
    L += [f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, commit {a.commit}, "
             f"`bash Benchmarks/peers/regions/run.sh` (2-core machine shared with other builds: timings are noisy). "
             f"Zones: the 6,791 MSOAs 2011 of England; units: the 138 NHS trusts of the OHID-derived 2019 "
             f"trust × MSOA shares, placed in the MSOA holding their point (ods/, "
             f"{'located by catchment in the polygons' if a.units == 'points' else 'trust_msoa.csv from prepare.py'}); "
             f"flow = share × MSOA population (ONS mid-2017, LSOA → MSOA; "
             f"{'computed by catchment, --flow-share' if a.flows == 'share' else 'flows.csv from prepare.py'}); "
             f"Σ flow {inp.flow.sum():,.1f}. "
             f"Self-containment (SC) = Σ flow whose resident MSOA and trust MSOA lie in the same region / Σ flow. "
             f"Bounds: population {lo:,.0f} – {hi:,.0f}. Parts = largest number of connected pieces of a region "
             f"(rook adjacency + island links).", ""]
    L.append("| method | K | SC | min region SC | parts | population range | regions out of bounds | seconds | peak RSS MiB |")
    L.append("|---|---:|---:|---:|---:|---|---:|---:|---:|")
    names = {"optimise": f"catchment optimise, K = {a.regions}",
             "optimise-blocks": f"catchment optimise, K = {a.regions}, --blocks upper-tier councils 2021",
             "plurality": "catchment plurality (--min-population)",
             "ttwa": "catchment ttwa",
             "evaluate-icb22": "catchment --evaluate ICBs 2022"}
    for k in ("optimise", "optimise-blocks", "plurality", "ttwa", "evaluate-icb22"):
        if k in runs:
            L.append(row(names[k], runs[k], t.get(k)))
    L.append(row("ICBs 2022 (pandas, msoa_icb22.csv)", icb, None))
    secs = t.get("leiden")
    L.append(row(f"Leiden, γ = {leiden.loc['leiden', 'gamma']:.4g} → {leiden.loc['leiden', 'communities']} "
                 f"communities, repaired", l42, secs))
    L.append(row(f"Leiden, γ = {leiden.loc['leiden-k', 'gamma']:.4g} tuned to K = {lk['K']} after repair", lk, None))
    for name, label in (("plurality-py", "plurality (Python), no size bound"),
                        ("plurality-py-min", "plurality (Python), --min-population")):
        path = os.path.join(out, f"{name}_crosswalk.csv")
        if os.path.exists(path):
            L.append(row(label, py(path), t.get("plurality-python") if name == "plurality-py" else None))
    ours, peer = os.path.join(out, "plurality_crosswalk.csv"), os.path.join(out, "plurality-py-min_crosswalk.csv")
    if os.path.exists(ours) and os.path.exists(peer):
        same = open(ours, "rb").read() == open(peer, "rb").read()
        L += ["", f"catchment plurality's crosswalk and plurality.py's (with --min-population): "
              f"{'byte-identical' if same else 'DIFFERENT'}."]
    L.append("")
    L.append(f"Leiden seconds: the whole leiden.py run ({int(leiden.loc['leiden', 'evaluations'])} Leiden + repair "
             f"evaluations over both γ searches). Leiden communities before repair: "
             f"{leiden.loc['leiden', 'communities']} with SC {leiden.loc['leiden', 'community_sc']:.4f}, in "
             f"{leiden.loc['leiden', 'pieces']} contiguous pieces.")
    L.append("")
    L.append("## Comparison")
    L.append("")
    if "optimise" in runs:
        o = runs["optimise"]
        L.append(f"- optimise vs ICBs 2022: SC {o['sc']:.4f} vs {icb['sc']:.4f} "
                 f"({o['sc'] - icb['sc']:+.4f}; ratio {o['sc'] / icb['sc']:.4f}); "
                 f"vs Leiden at K = {lk['K']}: {lk['sc']:.4f} ({o['sc'] - lk['sc']:+.4f}).")
        L.append(f"- Out-of-region flow: optimise {1 - o['sc']:.4f}, ICBs {1 - icb['sc']:.4f}, Leiden "
                 f"{1 - lk['sc']:.4f}.")
        if "optimise-blocks" in runs:
            b = runs["optimise-blocks"]
            L.append(f"- Price of coterminosity (regions = unions of upper-tier councils 2021): SC "
                     f"{o['sc']:.4f} − {b['sc']:.4f} = {o['sc'] - b['sc']:.4f} at K = {a.regions}.")
        acc = [("every region one piece", o["parts_max"] == 1),
               ("SC ≥ ICBs 2022", o["sc"] >= icb["sc"]),
               ("SC ≥ Leiden (K regions)", o["sc"] >= lk["sc"]),
               ("all regions within the bounds", not o["out_of_bounds"]),
               ("one K ≤ 10 s", t.get("optimise", (1e9,))[0] <= 10)]
        if "curve" in t:
            acc.append((f"curve ≤ 120 s ({t['curve'][0]:.1f} s)", t["curve"][0] <= 120))
        L.append("- Acceptance: " + "; ".join(f"{n}: {'yes' if ok else 'NO'}" for n, ok in acc) + ".")
    else:
        L.append("- catchment runs not done in this run (--no-catchment).")
    curve = os.path.join(out, "curve.csv")
    if os.path.exists(curve):
        c = pd.read_csv(curve)
        L += ["", f"## Curve (`--curve`, {len(c)} values of K)", "", markdown(c)]
    if checks and "adjacency" in checks:
        ad = checks["adjacency"]
        L += ["", "## Adjacency: catchment vs libpysal (queen) + shapely lengths", "",
              f"catchment {ad['catchment_pairs']} pairs ({ad['edges']} edge, {ad['corners']} corner) and "
              f"{len(ad['links'])} island links {ad['links']}; libpysal {ad['libpysal_pairs']} pairs; only in "
              f"catchment {ad['only_catchment']}; only in libpysal {ad['only_libpysal']}; kind differs on "
              f"{ad['kind_differs']}; shared length differs by more than 1 m on {ad['shared_m_over_1m']} pairs "
              f"(max |difference| {ad['shared_m_max_abs_diff']:.2f} m). "
              f"shapely's lengths are exact intersections of the two boundaries: segments that coincide to "
              f"within a millimetre but not bit for bit (the reprojection's rounding) meet in points only, so "
              f"shapely's length is the shorter one. On E02002691–E02002694, for instance, the 51 segment pairs "
              f"within 1 cm of each other share 18,437.31 m when each is buffered by 1 cm (catchment: 18,437.20 m); "
              f"the exact intersection gives 7,829.27 m. "
              f"Seconds: catchment adjacency {t.get('adjacency', (float('nan'),))[0]:.2f} "
              f"(libpysal + shapely: see prepare-report.txt)."]
    if checks:
        L += ["", f"Checks (check_regions.py, pandas recomputation of every summary row, overall SC and "
              f"contiguity): {'all match' if not checks['failures'] else checks['failures']}. Not accepted: "
              f"{'; '.join(checks.get('acceptance', [])) or 'nothing'}. (With --blocks, a region is a union of "
              f"whole councils; a council that is itself in pieces on the zones' adjacency, where the clipped "
              f"polygons leave an estuary between its parts (North Lincolnshire, Medway), leaves its region in "
              f"pieces too: catchment reports those blocks.)"]
    rep = os.path.join(a.data, "prepare-report.txt")
    if os.path.exists(rep):
        L += ["", "## Inputs (prepare.py)", "", "```", open(rep).read().rstrip(), "```"]
    L.append("")
    with open(a.output, "w") as f:
        f.write("\n".join(L))
    print("\n".join(L))


if __name__ == "__main__":
    main()
