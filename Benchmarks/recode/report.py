#!/usr/bin/env python3
"""Reads the /usr/bin/time -v files, meta.txt, check.json and the run reports written by run.sh and
writes the markdown result (standard library only).

Usage: report.py WORK_DIR OUTPUT.md
"""
import glob
import json
import os
import re
import statistics
import sys

STEPS = [
    ("flows21", "(a) `catchment flows`, LSOA 2021 registrations, LSOA21 → ICB lookup (T)"),
    ("crosswalk", "(b) `catchment crosswalk --method lookup --lookup-direction reverse --split-by population` (2021 → 2011)"),
    ("recode", "(c) `catchment recode` of the registrations through (b)"),
    ("flows_recode", "(d) `catchment flows --recode` (b), LSOA11 → ICB lookup"),
    ("flows11", "(e) `catchment flows` on (c)'s output, LSOA11 → ICB lookup"),
    ("pandas", "pandas + numpy recode (`recode_pandas.py`), same job as (c)"),
]


def oneline(text: str) -> str:
    """A message on one line (reports may wrap)."""
    return re.sub(r"\s+", " ", text)


def seconds(text: str) -> float:
    parts = [float(p) for p in text.split(":")]
    return sum(p * 60 ** (len(parts) - 1 - i) for i, p in enumerate(parts))


def parse(path: str) -> dict:
    t = {}
    for line in open(path):
        line = line.strip()
        if line.startswith("Elapsed (wall clock) time"):
            t["wall"] = seconds(line.rsplit(" ", 1)[1])
        elif line.startswith("User time (seconds)"):
            t["user"] = float(line.rsplit(" ", 1)[1])
        elif line.startswith("System time (seconds)"):
            t["sys"] = float(line.rsplit(" ", 1)[1])
        elif line.startswith("Maximum resident set size"):
            t["rss_mb"] = int(line.rsplit(" ", 1)[1]) / 1024
    t["cpu"] = t.get("user", 0) + t.get("sys", 0)
    return t


def main(work: str, out: str) -> None:
    meta = dict(line.rstrip("\n").split("=", 1) for line in open(os.path.join(work, "meta.txt")) if "=" in line)
    runs = {s: [parse(p) for p in sorted(glob.glob(os.path.join(work, "time", f"{s}.*.txt")))] for s, _ in STEPS}
    best = {s: min(r["wall"] for r in runs[s]) for s, _ in STEPS if runs[s]}
    cpu = {s: min(r["cpu"] for r in runs[s]) for s, _ in STEPS if runs[s]}
    check = json.load(open(os.path.join(work, "check.json"))) if os.path.exists(os.path.join(work, "check.json")) else {}

    lines = ["# Recode benchmark: LSOA 2021 → LSOA 2011 on a national registrations file", ""]
    lines += [f"Written by `Benchmarks/recode/run.sh` on {meta.get('date', '?')}. Issue 12 §Performance: recoding",
              "a national-size registrations file through the LSOA 2021 → 2011 bridge in at most twice the time `flows`",
              "takes on it; `--recode` adds at most 50 % to a flows run.", ""]
    lines += ["| | |", "|---|---|"]
    for k in ("machine", "cpu", "load", "data", "bridge", "rows", "catchment", "python", "pandas", "numpy", "pyarrow"):
        if k in meta:
            lines.append(f"| {k} | {meta[k]} |")
    lines += ["", f"Each step as a whole process under `/usr/bin/time -v`, {max(len(v) for v in runs.values())} timed run(s)",
              "after an untimed warm-up, interleaved (odd runs in the order below, even runs reversed); wall and CPU",
              "(user + system) are the best run's, peak memory the largest.", ""]
    lines += ["| step | best wall s | median wall s | best CPU s | peak RSS MB |", "|---|---:|---:|---:|---:|"]
    for s, label in STEPS:
        r = runs[s]
        if not r:
            continue
        lines.append(f"| {label} | {best[s]:.2f} | {statistics.median(x['wall'] for x in r):.2f} | "
                     f"{cpu[s]:.2f} | {max(x['rss_mb'] for x in r):.0f} |")
    lines.append("")

    def ratio(a: str, b: str) -> str:
        return f"{best[a] / best[b]:.2f}× wall, {cpu[a] / cpu[b]:.2f}× CPU" if a in best and b in best and best[b] > 0 else "n/a"

    def verdict(a: str, b: str, limit: float) -> str:
        if a not in best or b not in best:
            return "n/a"
        return "met" if best[a] <= limit * best[b] else "NOT met"

    lines += ["| ratio | value | target |", "|---|---|---|",
              f"| recode ÷ flows, (c) ÷ (a) | {ratio('recode', 'flows21')} | ≤ 2: {verdict('recode', 'flows21', 2)} |",
              f"| flows --recode ÷ flows on the recoded file, (d) ÷ (e) | {ratio('flows_recode', 'flows11')} | ≤ 1.5: {verdict('flows_recode', 'flows11', 1.5)} |",
              f"| pandas ÷ catchment recode | {ratio('pandas', 'recode')} | |",
              f"| (d) ÷ ((c) + (e)), one process against two | "
              + (f"{best['flows_recode'] / (best['recode'] + best['flows11']):.2f}× wall" if {'flows_recode', 'recode', 'flows11'} <= best.keys() else "n/a")
              + " | |", ""]

    lines += ["## Checks", ""]
    if check:
        t = check.get("total_NUMBER_OF_PATIENTS", {})
        lines.append(f"- catchment's recoded file against pandas': **{'identical rows' if check.get('identical') else 'DIFFERENT'}** — "
                     f"{check.get('rows_equal', 0):,} rows equal, {check.get('rows_only_a', 0):,} only in catchment's, "
                     f"{check.get('rows_only_b', 0):,} only in pandas'; rows with 0 patients set aside {check.get('zero_rows_a', 0):,} / "
                     f"{check.get('zero_rows_b', 0):,}; patients: input {t.get('input', 0):,.0f}, catchment {t.get('a', 0):,.0f}, pandas {t.get('b', 0):,.0f}.")
        for p in check.get("problems", []):
            lines.append(f"  - difference: {p}")
        lines.append(f"- headers: catchment `{','.join(check.get('header_a', []))}`, pandas `{','.join(check.get('header_b', []))}`.")
    lines.append(f"- `flows --recode` (d) and `recode` then `flows` (e): flow tables {meta.get('same_flows', '?')} byte for byte.")
    lines.append(f"- Deterministic: the crosswalk of the warm-up and of the last run {meta.get('same_crosswalk', '?')}; "
                 f"the recoded file {meta.get('same_recode', '?')}.")
    lines.append("")

    lines += ["## What the runs reported (warm-up run, `--report`)", ""]
    for s, label in STEPS:
        path = os.path.join(work, "out", f"{s}.report.json")
        if not os.path.exists(path):
            continue
        rep = json.load(open(path))
        lines.append(f"- **{s}**: " + "; ".join(
            [f"{f['name']} {f['value']:,.10g}" for f in rep.get("figures", [])]
            + [f"{t['reason']}: {t['rows']:,} rows, {t['amount']:,.10g} {t['unit']}" for t in rep.get("exclusions", []) + rep.get("losses", [])]))
        for w in rep.get("warnings", []):
            lines.append(f"  - warning: {oneline(w)[:400]}")
        for n in rep.get("notes", []):
            lines.append(f"  - note: {oneline(n)[:400]}")
    lines.append("")
    text = "\n".join(lines)
    with open(out, "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
