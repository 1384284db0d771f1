"""The report's sections of review-latest.md, for report.py: what each side writes, the byte-for-byte
comparisons of the packs, and what report.html costs (inside the review and as `catchment report` alone)
and weighs, against issue 11's targets (report.html at most 3 MB, written in at most 2 s after the review).

Sizes in MB are 10^6 bytes (as the target's 3 MB), MiB 2^20. Standard library only.
"""
import json
import os
import statistics

# Issue 11: "All England at ICB level with 309 councils: report ≤ 3 MB and written in ≤ 2 s after the review".
TARGET_BYTES = 3_000_000
TARGET_SECONDS = 2.0

# Files every pack holds besides the tables, which no single command writes the same way.
RUN_FILES = ("report.json", "manifest.json")


def _seconds(x):
    return f"{x:.2f}"


def _mb(kb):
    return f"{kb / 1024:.0f}"


def _files(folder):
    """Every file under folder, as paths relative to it (figures/x.svg), sorted."""
    found = []
    for base, _, names in os.walk(folder):
        for n in names:
            found.append(os.path.relpath(os.path.join(base, n), folder))
    return sorted(found)


def _same(a, b):
    with open(a, "rb") as f, open(b, "rb") as g:
        return f.read() == g.read()


def _compare(names, mine, theirs):
    """names (relative to mine) against the same names in theirs: (same, differ, absent)."""
    same, differ, absent = [], [], []
    for name in names:
        p = os.path.join(theirs, name)
        if not os.path.exists(p):
            absent.append(name)
        elif _same(os.path.join(mine, name), p):
            same.append(name)
        else:
            differ.append(name)
    return same, differ, absent


def _listing(names):
    return ", ".join(f"`{n}`" for n in names) if names else "none"


def _features(path):
    try:
        with open(path, encoding="utf-8") as f:
            return len(json.load(f).get("features", []))
    except (OSError, ValueError):
        return None


def drawn_layers(review_dir):
    """(layer, features) of each footprints_<layer>.geojson and proposal_<name>.geojson in the pack."""
    found = []
    for name in sorted(os.listdir(review_dir)) if os.path.isdir(review_dir) else []:
        if name.endswith(".geojson") and name.startswith(("footprints_", "proposal_")):
            found.append((name, _features(os.path.join(review_dir, name))))
    return found


def outputs_section(w, work):
    """What each side writes, and the byte-for-byte comparisons between them."""
    review_dir = os.path.join(work, "out", "review")
    plain_dir = os.path.join(work, "out", "review-no-report")
    single_dir = os.path.join(work, "out", "single")
    alone_dir = os.path.join(work, "out", "report")
    single_files = _files(single_dir) if os.path.isdir(single_dir) else []
    review_files = _files(review_dir) if os.path.isdir(review_dir) else []
    plain_files = _files(plain_dir) if os.path.isdir(plain_dir) else []
    footprints = [n for n in review_files if n.startswith("footprints_") and n.endswith(".geojson")]
    figures = [n for n in review_files if n.startswith("figures/")]

    w("## What each side writes, and the same outputs")
    w("")
    w(f"- **The single commands** ({len(single_files)} files): the tables, and the proposal dissolved from the zone")
    w("  polygons (`propose --dissolve-output`). No command draws the layers' footprints or the report.")
    w(f"- **`review --no-report`** ({len(plain_files)} files): the same files, plus the drawn footprints of every")
    w(f"  layer ({_listing(footprints)}: the layer's own polygons unioned, or, for the lookup layers, the zone")
    w("  polygons dissolved along the crosswalk) and the run's `report.json` and `manifest.json`. So it still does")
    w("  more work than the single commands (the dissolves of the lookup layers); it is the side compared with them.")
    w(f"- **`review`** ({len(review_files)} files): the `--no-report` pack plus `report.html` and `figures/`")
    w(f"  ({len(figures)} SVG files), drawn from the pack in memory as the review's last step.")
    w("- **`report` alone**: `report.html` and `figures/` from the review's pack, written elsewhere.")
    w("")
    checks = []
    for label, folder in (("`review --no-report`", plain_dir), ("`review`", review_dir)):
        same, differ, absent = _compare(single_files, single_dir, folder)
        text = f"{len(same)} of the {len(single_files)} files the single commands wrote are byte-identical in the {label} pack"
        if differ:
            text += f"; differ: {_listing(differ)}"
        if absent:
            text += f"; missing from the pack: {_listing(absent)}"
        checks.append(text + ".")
    shared = [n for n in plain_files if n not in RUN_FILES]
    same, differ, absent = _compare(shared, plain_dir, review_dir)
    text = (f"{len(same)} of the {len(shared)} files of the `--no-report` pack (besides {', '.join(RUN_FILES)}, which"
            " hold the run's time and options) are byte-identical in the `review` pack")
    if differ:
        text += f"; differ: {_listing(differ)}"
    if absent:
        text += f"; missing: {_listing(absent)}"
    checks.append(text + ".")
    only_review = [n for n in review_files if n not in plain_files and not n.startswith("figures/")]
    checks.append(f"Only in the `review` pack: {_listing(only_review)} and {len(figures)} files in `figures/`.")
    extra = [n for n in plain_files if n not in single_files and n not in RUN_FILES and n not in footprints]
    checks.append(f"Other files in the `--no-report` pack that no single command wrote: {_listing(extra)}.")
    if os.path.isdir(alone_dir):
        alone = _files(alone_dir)
        same, differ, absent = _compare(alone, alone_dir, review_dir)
        text = f"`report` alone: {len(same)} of its {len(alone)} files (report.html and figures/) are byte-identical to the review's"
        if differ:
            text += f"; differ: {_listing(differ)}"
        if absent:
            text += f"; not in the pack: {_listing(absent)}"
        missing = [n for n in review_files if (n == "report.html" or n.startswith("figures/")) and n not in alone]
        if missing:
            text += f"; in the pack but not written by `report`: {_listing(missing)}"
        checks.append(text + ".")
    for c in checks:
        w(f"- {c}")
    w("")


def _best(rows):
    """Best wall, best CPU, largest peak RSS (KB) of timing rows."""
    return min(r[3] for r in rows), min(r[5] for r in rows), max(r[4] for r in rows)


def report_section(w, times, work):
    """The report's cost inside the review (review − review --no-report) and alone, its size, the targets."""
    runs = sorted({t[1] for t in times if t[0] in ("review", "review-no-report", "report")})
    by = {(t[0], t[1]): t for t in times if t[0] in ("review", "review-no-report", "report")}
    w("## The report: its cost in the review, alone, and its size")
    w("")
    w("Issue 11's targets: all England at ICB level with 309 councils, `report.html` at most 3 MB and written in at")
    w("most 2 s after the review. This pack is larger than that: a CCG April-2020 baseline, 314 councils (LAD20)")
    w("and two ICB layers besides, each with its maps and heatmaps:")
    w("")
    layers = drawn_layers(os.path.join(work, "out", "review"))
    w("; ".join(f"`{name}` {n if n is not None else '?'} footprints" for name, n in layers) + ".")
    w("")
    w("`review` against `review --no-report` (the difference is the report step: drawing every figure and the")
    w("HTML from the pack in memory, and writing them), and `catchment report PACK -o FILE --quiet` alone (it")
    w("reads the pack's files back first), each process under GNU `/usr/bin/time -v`:")
    w("")
    w("| run | review wall (s) | review CPU (s) | review peak RSS (MB) | `--no-report` wall (s) | `--no-report` CPU (s) | `--no-report` peak RSS (MB) | report step wall (s) | report step CPU (s) | `report` alone wall (s) | `report` alone CPU (s) | `report` alone peak RSS (MB) |")
    w("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    cells = lambda t: (f"{_seconds(t[3])} | {_seconds(t[5])} | {_mb(t[4])}" if t else "– | – | –")
    for run in runs:
        r, p, a = by.get(("review", run)), by.get(("review-no-report", run)), by.get(("report", run))
        step = f"{_seconds(r[3] - p[3])} | {_seconds(r[5] - p[5])}" if r and p else "– | –"
        w(f"| {run} | {cells(r)} | {cells(p)} | {step} | {cells(a)} |")
    sides = {s: [t for t in times if t[0] == s] for s in ("review", "review-no-report", "report")}
    best = {s: _best(rows) for s, rows in sides.items() if rows}
    if len(best) == 3:
        r, p, a = best["review"], best["review-no-report"], best["report"]
        w(f"| best | {_seconds(r[0])} | {_seconds(r[1])} | {_mb(r[2])} | {_seconds(p[0])} | {_seconds(p[1])} | {_mb(p[2])} | "
          f"{_seconds(r[0] - p[0])} | {_seconds(r[1] - p[1])} | {_seconds(a[0])} | {_seconds(a[1])} | {_mb(a[2])} |")
    w("")
    w("The report step's columns are review − `--no-report` in the same run (best: best − best); under load")
    w("they carry the noise of both runs.")
    w("")

    html = os.path.join(work, "out", "report", "report.html")
    figures = os.path.join(work, "out", "report", "figures")
    if not os.path.exists(html):
        w("No report was written (`--runs 0`).")
        w("")
        return
    size = os.path.getsize(html)
    svgs = sorted(n for n in os.listdir(figures) if n.endswith(".svg")) if os.path.isdir(figures) else []
    svg_sizes = {n: os.path.getsize(os.path.join(figures, n)) for n in svgs}
    figures_size = sum(svg_sizes.values())
    w(f"- `report.html`: {size:,} bytes = {size / 1e6:.2f} MB ({size / 2**20:.2f} MiB), self-contained")
    w(f"- `figures/`: {len(svgs)} SVG files, {figures_size:,} bytes = {figures_size / 1e6:.2f} MB in all"
      + (f"; the largest {', '.join(f'`{n}` {s / 1e6:.2f} MB' for n, s in sorted(svg_sizes.items(), key=lambda x: (-x[1], x[0]))[:3])}" if svgs else ""))
    alone = sides["report"]
    walls = [t[3] for t in alone]
    cpus = [t[5] for t in alone]
    size_ok = size <= TARGET_BYTES
    within = sum(1 for x in walls if x <= TARGET_SECONDS)
    if within == len(walls):
        time_verdict = f"holds in all {len(walls)} runs"
    elif within:
        time_verdict = f"holds in {within} of {len(walls)} runs"
    else:
        time_verdict = f"does NOT hold (in none of {len(walls)} runs)"
    w(f"- `report` alone over {len(walls)} runs: wall best {_seconds(min(walls))} s, median {_seconds(statistics.median(walls))} s, "
      f"worst {_seconds(max(walls))} s; CPU (user + system) best {_seconds(min(cpus))} s, median {_seconds(statistics.median(cpus))} s; "
      f"peak RSS {_mb(max(t[4] for t in alone))} MB")
    w("")
    w(f"**Targets: ≤ 3 MB {'holds' if size_ok else 'does NOT hold'} ({size / 1e6:.2f} MB); "
      f"≤ 2 s {time_verdict} (wall of `catchment report` alone, best {_seconds(min(walls))} s; "
      f"its CPU time, which waiting for a core does not inflate, best {_seconds(min(cpus))} s).**")
    w("")
