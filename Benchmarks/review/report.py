#!/usr/bin/env python3
"""Writes Benchmarks/results/review-latest.md from what run.sh left in its work folder.

Reads WORK/meta.txt, WORK/times.tsv (side, run, process, wall s, peak RSS KB, CPU s; sides review,
review-no-report, single, report, demo), WORK/single_commands.txt, WORK/strace/openat.txt (strace -f -e
trace=openat of one review), WORK/demo_hyperfine.json (when hyperfine ran) and the folders WORK/out/review,
WORK/out/review-no-report, WORK/out/single and WORK/out/report, which it compares byte for byte
(report_html.py: the report's sections).
Standard library only.

Usage: python3 report.py --work WORK --study STUDY.toml --real REAL --output FILE.md
"""
import argparse
import json
import os
import statistics
import tomllib
from collections import defaultdict

from openat import opens, split_at_manifest
from report_html import outputs_section, report_section


def read_times(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            side, run, label, wall, rss, cpu = line.rstrip("\n").split("\t")
            rows.append((side, int(run), label, float(wall), int(rss), float(cpu)))
    return rows


def study_inputs(study_path):
    """Every input file the study names, as (study key, path), Shapefile sidecars included; a
    folder stands for every file in it."""
    with open(study_path, "rb") as f:
        study = tomllib.load(f)
    found = [("study file", os.path.abspath(study_path))]

    def walk(value, key):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{key}.{k}" if key else k)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{key}[{i + 1}]")
        elif isinstance(value, str) and key != "output" and os.path.isabs(value) and os.path.exists(value):
            if any(path == value for _, path in found):
                found.append((key, value))  # the same file under a second key: listed once below
                return
            found.append((key, value))
            if value.lower().endswith(".shp"):
                for ext in ("dbf", "shx", "prj", "cpg"):
                    sidecar = value[:-3] + ext
                    if os.path.exists(sidecar):
                        found.append((f"{key} (.{ext})", sidecar))

    walk(study, "")
    merged = {}
    for key, path in found:
        merged.setdefault(path, []).append(key)
    return [(", ".join(keys), path) for path, keys in merged.items()]


def seconds(x):
    return f"{x:.2f}"


def mb(kb):
    return f"{kb / 1024:.0f}"


def wall_table(w, per_run, times, work):
    w("`catchment review --no-report` (no report.html, no figures/; it still draws every layer's footprints, which")
    w("no single command does: see below) against the 20 single commands that write the same tables. Each process")
    w("under GNU `/usr/bin/time -v`. The review is one process; for the single commands the wall")
    w("time is the sum over their processes (run one after another), CPU time (user + system) the sum, and the peak")
    w("memory the largest of them. The machine is shared: wall time includes waiting for a core, CPU time does not.")
    w("The review with its report is timed in the next section.")
    w("")
    w("| run | review wall (s) | review CPU (s) | review peak RSS (MB) | single wall (s) | single CPU (s) | single peak RSS (MB) | processes | wall single ÷ review | CPU single ÷ review |")
    w("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for run, rw, rr, rc, sw, sr, sc, n in per_run:
        w(f"| {run} | {seconds(rw)} | {seconds(rc)} | {mb(rr)} | {seconds(sw)} | {seconds(sc)} | {mb(sr)} | {n} | {sw / rw:.2f}× | {sc / rc:.2f}× |")
    best_review = min(p[1] for p in per_run)
    best_single = min(p[4] for p in per_run)
    cpu_review = min(p[3] for p in per_run)
    cpu_single = min(p[6] for p in per_run)
    w(
        f"| best | {seconds(best_review)} | {seconds(cpu_review)} | {mb(max(p[2] for p in per_run))} | {seconds(best_single)} | "
        f"{seconds(cpu_single)} | {mb(max(p[5] for p in per_run))} | | **{best_single / best_review:.2f}×** | **{cpu_single / cpu_review:.2f}×** |"
    )
    w("")
    verdict = "less" if best_review < best_single else "MORE"
    w(f"The review (`--no-report`) takes {verdict} wall time than the single commands (best runs: {seconds(best_review)} s against "
      f"{seconds(best_single)} s; CPU {seconds(cpu_review)} s against {seconds(cpu_single)} s).")
    drawn = sorted(n for n in os.listdir(os.path.join(work, "out", "review-no-report")) if n.startswith("footprints_"))
    if drawn:
        w(f"Its times include drawing the footprints of {len(drawn)} layers ({', '.join(f'`{n}`' for n in drawn)}; the")
        w("lookup layers' by dissolving the zone polygons along their crosswalks), which no single command does:")
        w("the two sides write the same tables, but the review does that work besides.")
    w("")
    w("Per single command (best wall and CPU over the runs, largest peak RSS):")
    w("")
    w("| # | command | wall (s) | CPU (s) | peak RSS (MB) |")
    w("|---:|---|---:|---:|---:|")
    labels = []
    for t in times:
        if t[0] == "single" and t[2] not in labels:
            labels.append(t[2])
    writes = []  # the first output of each single command, to tell the commands apart
    for line in open(os.path.join(work, "single_commands.txt"), encoding="utf-8"):
        words = line.split()
        writes.append(os.path.basename(words[words.index("--output") + 1]) if "--output" in words else "")
    for label in labels:
        mine = [t for t in times if t[0] == "single" and t[2] == label]
        number, command = label.split("-", 1)
        if int(number) <= len(writes) and writes[int(number) - 1]:
            command += f" (`{writes[int(number) - 1]}`)"
        w(f"| {int(number)} | {command} | {seconds(min(t[3] for t in mine))} | {seconds(min(t[5] for t in mine))} | {mb(max(t[4] for t in mine))} |")
    w("")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--study", required=True)
    ap.add_argument("--real", required=True)
    ap.add_argument("--output", required=True)
    a = ap.parse_args()
    work = a.work
    times = read_times(os.path.join(work, "times.tsv"))
    meta = open(os.path.join(work, "meta.txt"), encoding="utf-8").read().strip().splitlines()
    out = []
    w = out.append
    w("# National footprint review: `catchment review` against the single commands")
    w("")
    w("Written by `bash Benchmarks/review/run.sh` (see Benchmarks/README.md). Do not edit by hand.")
    w("")
    for line in meta:
        w(f"- {line}")
    w("")

    # --- inputs ---
    w("## Inputs")
    w("")
    w("England, LSOA 2011 zones. Real files read in place from `$REAL`; generated ones in `$WORK/data`")
    w("(`Benchmarks/review/make_inputs.py`, fixed seed, as the flows benchmark generates registrations).")
    w("")
    w("| study key | file | size (MB) |")
    w("|---|---|---:|")
    inputs = study_inputs(a.study)
    for key, path in inputs:
        if os.path.isdir(path):
            names = [n for n in os.listdir(path) if os.path.isfile(os.path.join(path, n))]
            size = sum(os.path.getsize(os.path.join(path, n)) for n in names)
            shown = f"{path}/ ({len(names)} files)"
        else:
            size = os.path.getsize(path)
            shown = path
        shown = shown.replace(a.real, "$REAL").replace(work, "$WORK")
        w(f"| {key} | `{shown}` | {size / 1e6:.1f} |")
    w("")
    w("The study file, `$WORK/national_study.toml`, is written by run.sh (layers: `ccg20`, `lad20` and `icb22`")
    w("from lookups, `ccg20_bestfit` best-fit from the CCG April-2020 polygons and the population-weighted")
    w("centroids, `icb22_area` area-weighted from the ICB July-2022 Shapefile; baseline `ccg20`, councils `lad20`;")
    w("registrations with the practice map; providers proportional, threshold 0.05; one proposal, every council")
    w("wholly in one CCG, dissolved from the zone polygons).")
    w("")

    # --- timings ---
    runs = sorted({r for s, r, *_ in times if s in ("review-no-report", "single")})
    per_run = []
    for run in runs:
        review = [t for t in times if t[0] == "review-no-report" and t[1] == run]
        single = [t for t in times if t[0] == "single" and t[1] == run]
        per_run.append(
            (
                run, review[0][3], review[0][4], review[0][5],
                sum(t[3] for t in single), max(t[4] for t in single), sum(t[5] for t in single), len(single),
            )
        )
    w("## Wall time and peak memory: `review --no-report` against the single commands")
    w("")
    if per_run:
        wall_table(w, per_run, times, work)
    else:
        w("No timed runs (`--runs 0`).")
        w("")

    # --- the report, and the outputs ---
    report_section(w, times, work)
    outputs_section(w, work)

    # --- opens ---
    steps, manifest, dirs = split_at_manifest(opens(os.path.join(work, "strace", "openat.txt")), a.study)
    singles = []  # per single command: opens per file
    for name in sorted(os.listdir(os.path.join(work, "strace"))):
        if name.startswith("single-"):
            counts = defaultdict(int)
            for path, is_dir in opens(os.path.join(work, "strace", name)):
                if not is_dir:
                    counts[path] += 1
            singles.append(counts)
    w("## Input files opened (strace)")
    w("")
    w("`strace -f -qq -e trace=openat catchment review national_study.toml --quiet`: successful opens of every input")
    w("file, by the review's steps and by the manifest, which hashes every input (SHA-256) after the steps have")
    w("run (its opens are told apart as those from the study file's second open on: the first parses it, the")
    w("second is the manifest's hash). Each single command ran under strace too: *single, all* is the sum of their")
    w("opens; *one reading* the fewest opens by one single command that opens the file (a reader may open a file")
    w("more than once for one parse, e.g. to recognise its layout or to parse chunks in parallel); *readings* the")
    w("review's opens by the steps ÷ one reading. For the zone folder: the range over its files, and how often")
    w("the review listed the folder. A file is flagged when the review's steps open it more than once.")
    w("")
    w("| study key | file | review: steps | review: manifest | single, all | one reading | review readings | |")
    w("|---|---|---:|---:|---:|---:|---:|---|")

    def one_reading(path):
        found = [c[path] for c in singles if c.get(path, 0) > 0]
        return min(found) if found else 0

    def span(values, suffix=""):
        lo, hi = min(values), max(values)
        return (f"{lo:g}" if lo == hi else f"{lo:g}–{hi:g}") + suffix

    flagged = []
    for key, path in inputs:
        shown = path.replace(a.real, "$REAL").replace(work, "$WORK")
        if os.path.isdir(path):
            files = [
                os.path.normpath(os.path.join(path, n)) for n in sorted(os.listdir(path))
                if os.path.isfile(os.path.join(path, n))
            ]
            shown = f"`{shown}/*` ({len(files)} files; folder listed {dirs.get(os.path.normpath(path), 0)}×)"
        else:
            files = [os.path.normpath(path)]
            shown = f"`{shown}`"
        by_steps = [steps.get(f, 0) for f in files]
        by_manifest = [manifest.get(f, 0) for f in files]
        by_singles = [sum(c.get(f, 0) for c in singles) for f in files]
        reading = [one_reading(f) for f in files]
        readings = [st / r if r else 0 for st, r in zip(by_steps, reading)]
        each = " each" if len(files) > 1 else ""
        hi = max(by_steps)
        flag = "**more than once**" if hi > 1 else ("not opened" if hi == 0 else "")
        w(
            f"| {key} | {shown} | {span(by_steps, each)} | {span(by_manifest, each)} | {span(by_singles, each)} | "
            f"{span(reading, each)} | {span([round(x, 1) for x in readings], each)} | {flag} |"
        )
        if hi > 1:
            flagged.append(f"{key} ({span(by_steps)} opens, {span([round(x, 1) for x in readings])} readings)")
    w("")
    if flagged:
        w(f"Opened more than once by the review's steps: {'; '.join(flagged)}.")
    else:
        w("Every input file was opened once by the review's steps.")
    w("")

    # --- demo ---
    w("## The demo review")
    w("")
    w("`catchment review data/demo_study.toml --quiet`, the demo data copied to `$WORK/demo` (pack to a temporary")
    w("folder), after one warm-up run.")
    w("")
    hyper = os.path.join(work, "demo_hyperfine.json")
    if os.path.exists(hyper):
        r = json.load(open(hyper, encoding="utf-8"))["results"][0]
        w(f"- hyperfine ({len(r['times'])} runs): mean {r['mean'] * 1000:.0f} ms ± {r['stddev'] * 1000:.0f} ms, "
          f"median {r['median'] * 1000:.0f} ms, min {r['min'] * 1000:.0f} ms, max {r['max'] * 1000:.0f} ms")
    demo = [t for t in times if t[0] == "demo"]
    if demo:
        walls = [t[3] for t in demo]
        w(f"- `/usr/bin/time -v` ({len(demo)} runs): median {statistics.median(walls) * 1000:.0f} ms, "
          f"best {min(walls) * 1000:.0f} ms, worst {max(walls) * 1000:.0f} ms; CPU (user + system) median "
          f"{statistics.median(t[5] for t in demo) * 1000:.0f} ms; peak RSS {mb(max(t[4] for t in demo))} MB")
    w("")

    # --- commands ---
    w("## Commands")
    w("")
    w("```sh")
    w("catchment review $WORK/national_study.toml --quiet")
    w("catchment review $WORK/national_study_no_report.toml --no-report --quiet   # the same study, output = \"out/review-no-report\"")
    w("catchment report $WORK/out/review -o $WORK/out/report/report.html --quiet")
    w("# the single commands, in this order:")
    for line in open(os.path.join(work, "single_commands.txt"), encoding="utf-8"):
        w(line.rstrip("\n") + " --quiet")
    w("```")
    w("")
    with open(a.output, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()
