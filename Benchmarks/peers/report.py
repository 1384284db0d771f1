#!/usr/bin/env python3
"""Compare the three long CSVs and tabulate the timings written by compare.sh.

Usage: report.py WORK_DIR RESULTS_MD
WORK_DIR holds out/<tool>.csv and time/<tool>.<run>.txt (GNU time -v output) and meta.txt
(key=value lines about the machine and the data). Exits non-zero when the results differ.
"""
import os
import re
import statistics
import sys

import pandas as pd

TOOLS = ["catchment", "pandas", "polars"]
KEYS = ["residence_footprint", "registration_footprint"]


def parse_time(path: str) -> tuple[float, float, int]:
    """(wall seconds, max RSS MB, exit status) from a GNU `time -v` report."""
    text = open(path).read()
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text)
    parts = [float(p) for p in m.group(1).split(":")]
    wall = 0.0
    for p in parts:
        wall = wall * 60 + p
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    status = int(re.search(r"Exit status: (\d+)", text).group(1))
    return wall, rss_kb / 1024, status


def compare(work: str) -> tuple[bool, list[str]]:
    frames = {}
    for t in TOOLS:
        df = pd.read_csv(os.path.join(work, "out", f"{t}.csv"), dtype={k: "string" for k in KEYS})
        frames[t] = df
    base = frames["catchment"]
    ok = True
    lines = []
    for t in TOOLS[1:]:
        other = frames[t]
        merged = base.merge(other, on=KEYS, how="outer", suffixes=("_catchment", f"_{t}"), indicator=True)
        only_left = int((merged["_merge"] == "left_only").sum())
        only_right = int((merged["_merge"] == "right_only").sum())
        both = merged[merged["_merge"] == "both"]
        a = both["patients_catchment"].astype(float)
        b = both[f"patients_{t}"].astype(float)
        diff = ((a - b).abs() > 1e-9 * a.abs().clip(lower=1)).sum()
        same_order = list(base[KEYS].itertuples(index=False)) == list(other[KEYS].itertuples(index=False))
        agree = only_left == 0 and only_right == 0 and diff == 0
        ok &= agree
        lines.append(
            f"catchment vs {t}: {len(base)} vs {len(other)} rows, {only_left} only in catchment, "
            f"{only_right} only in {t}, {int(diff)} patients differ, "
            f"Σ {a.sum():.0f} vs {b.sum():.0f}, same order: {'yes' if same_order else 'no'} → "
            f"{'AGREE' if agree else 'DIFFER'}"
        )
    return ok, lines


def main() -> None:
    work, results = sys.argv[1], sys.argv[2]
    meta = {}
    if os.path.exists(os.path.join(work, "meta.txt")):
        for line in open(os.path.join(work, "meta.txt")):
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                meta[k] = v

    rows = {}
    for t in TOOLS:
        runs = sorted(f for f in os.listdir(os.path.join(work, "time")) if f.startswith(t + "."))
        measured = [parse_time(os.path.join(work, "time", f)) for f in runs]
        if any(s != 0 for _, _, s in measured):
            sys.exit(f"report.py: a {t} run failed (see {work}/time)")
        walls = [w for w, _, _ in measured]
        rsss = [r for _, r, _ in measured]
        rows[t] = {
            "best": min(walls),
            "median": statistics.median(walls),
            "rss": max(rsss),
            "runs": len(walls),
            "walls": walls,
        }

    ok, comparison = compare(work)
    c = rows["catchment"]
    table = [
        "| tool | wall s (best) | wall s (median) | peak RSS MB (max) | time ÷ catchment | RSS ÷ catchment |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for t in TOOLS:
        r = rows[t]
        table.append(
            f"| {t} | {r['best']:.2f} | {r['median']:.2f} | {r['rss']:.0f} | "
            f"{r['best'] / c['best']:.2f}× | {r['rss'] / c['rss']:.2f}× |"
        )
    speed_pandas = rows["pandas"]["best"] / c["best"]
    speed_polars = rows["polars"]["best"] / c["best"]
    targets = [
        f"- ≥ 5× faster than pandas: {speed_pandas:.2f}× → {'MET' if speed_pandas >= 5 else 'NOT MET'}",
        f"- faster than polars: {speed_polars:.2f}× → {'MET' if speed_polars > 1 else 'NOT MET'}",
        f"- lower peak memory than both: catchment {c['rss']:.0f} MB vs pandas {rows['pandas']['rss']:.0f} MB, "
        f"polars {rows['polars']['rss']:.0f} MB → "
        f"{'MET' if c['rss'] < min(rows['pandas']['rss'], rows['polars']['rss']) else 'NOT MET'}",
        f"- results agree: {'yes' if ok else 'NO'}",
    ]
    runs_line = "; ".join(f"{t}: " + ", ".join(f"{w:.2f}" for w in rows[t]["walls"]) for t in TOOLS)

    text = "\n".join(table) + "\n\nTargets (issue 2):\n" + "\n".join(targets) + "\n\nResults compared:\n" + "\n".join(
        "- " + line for line in comparison
    )
    print(text)

    md = [
        "# Flows benchmark: catchment vs pandas vs polars",
        "",
        "Written by `Benchmarks/peers/compare.sh`; see `Benchmarks/README.md`. Same job for every tool, whole",
        "process timed with GNU `time -v` (start-up and imports included), runs interleaved, best of "
        f"{c['runs']} for wall clock, the largest peak RSS of the runs.",
        "",
        "Job: read the LSOA → ICB lookup, read the registrations, SEX rule, residence footprint through the",
        "lookup and registration footprint through the practice map (unknowns → UNALLOCATED), group-by sum,",
        "write the long CSV sorted.",
        "",
    ]
    for k in ["date", "machine", "cpu", "data", "rows", "size", "catchment", "python", "pandas", "pyarrow", "polars"]:
        if k in meta:
            md.append(f"- {k}: {meta[k]}")
    md += ["", text, "", f"All runs (wall s): {runs_line}", ""]
    for k in ["wc", "imports"]:
        if k in meta:
            md.append(f"- {meta[k]}")
    with open(results, "w") as f:
        f.write("\n".join(md).rstrip() + "\n")
    if not ok:
        sys.exit("report.py: the three tools' results DIFFER")


if __name__ == "__main__":
    main()
