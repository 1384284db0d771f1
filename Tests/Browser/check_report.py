#!/usr/bin/env python3
"""Open a report in headless Chromium with networking off and check what a reader would see.

    python check_report.py REPORT.html [REPORT.html ...] --pack PACK_FOLDER --out SHOTS_FOLDER

Checks, each failure one line of `problems`:
- requests: the page asks for nothing but its own file (Chromium runs with every host name
  resolving to nothing and a proxy that refuses, and the context is offline: anything else it
  asks for fails and is listed), nothing fails to load;
- console: no console error and no uncaught script error; the table-sorting script sorts the
  first sortable table with numbers when its heading is clicked, both ways;
- tables: the cells of a row write their first lines on one baseline;
- screenshot (OUT/<report's name>/report.png, the whole page at a desktop width): not blank,
  and each map's region (the map element's box on the page) shows a picture: colours besides
  white;
- DOM: each map (an `<svg>` with footprint paths, named by the id of its `<title>`, which is
  the figure's id + "-title", as CatchmentFigures' SVGDocument writes it) holds exactly one
  footprint path (`path[data-id]`, drawing something) per footprint the pack lists for it
  (pack_footprints.py), and every footprint layer of the pack has a map;
- print (OUT/<report's name>/report.pdf, the page printed as its CSS asks): A4 landscape
  pages; laid out as printed, every map but the flow map at most half the page wide (two side
  by side), and each heading kept with what follows it (`break-after: avoid`).
Warnings, not problems: text of a figure cut off at the figure's edge (`clipped_text`).

Writes its findings as JSON on stdout, a list with an object for each report; exit 0 when every
`problems` is empty, 1 otherwise, 2 when it cannot run (no Chromium, no report). The browser is
Debian's `chromium` (CHROMIUM names another), driven by Playwright; no browser is downloaded.
"""

import argparse
import json
import os
import pathlib
import re
import shutil
import sys

from pack_footprints import Pack
from page_scripts import BASELINES_JS, CLIPPED_JS, MAPS_JS, PRINT_JS, SORT_JS
import pixels

# Networking off: every host resolves to nothing, and any proxied request goes to the discard
# port, where nothing listens.
OFFLINE_ARGS = ["--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]
DESKTOP = {"width": 1280, "height": 900}
# A map shows a picture when at least this many colours each cover 0.2 % of its box, and this
# share of its box is not white (the demo's maps: about 10 colours and half the box).
MAP_MIN_COLOURS, MAP_MIN_INK = 3, 0.15
PAGE_MIN_COLOURS, PAGE_MIN_INK = 2, 0.01
# A4 landscape between 12 mm margins: 273 mm at 96 px an inch.
PRINTED = {"width": 1032, "height": 730}
# A4 landscape in PDF points (297 × 210 mm at 72 points an inch), with rounding.
A4_LANDSCAPE, A4_TOLERANCE = (841.9, 595.3), 2.0

def chromium():
    for name in [os.environ.get("CHROMIUM"), "chromium", "chromium-browser"]:
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def pdf_pages(path):
    """The MediaBox [width, height] of each page of a PDF Chromium printed (its page
    dictionaries are plain text)."""
    with open(path, "rb") as f:
        data = f.read()
    pages = []
    for match in re.finditer(rb"/Type\s*/Page(?![s\w]).*?/MediaBox\s*\[([^\]]*)\]", data, re.S):
        numbers = [float(x) for x in match.group(1).split()]
        pages.append([round(numbers[2] - numbers[0], 1), round(numbers[3] - numbers[1], 1)])
    return pages


def check_all(reports, pack_folder, out):
    """The findings of each report, one browser for all, each report in a fresh context; the
    screenshot and PDF of each in its own folder under `out` (named after the file)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=OFFLINE_ARGS)
        try:
            return [check(browser, report, pack_folder, os.path.join(out, os.path.splitext(os.path.basename(report))[0]))
                    for report in reports]
        finally:
            browser.close()


def check(browser, report, pack_folder, out):
    """What `report` (drawn from the pack in `pack_folder`) shows in `browser`, with its
    problems; its screenshot and PDF in `out`."""
    os.makedirs(out, exist_ok=True)
    url = pathlib.Path(report).resolve().as_uri()
    found = {"report": os.path.abspath(report), "url": url, "requests": [], "failed": [], "console": [], "script_errors": [],
             "maps": [], "problems": []}
    context = browser.new_context(viewport=DESKTOP, device_scale_factor=1, offline=True, service_workers="block")
    try:
        page = context.new_page()
        page.on("request", lambda r: found["requests"].append(r.url))
        page.on("requestfailed", lambda r: found["failed"].append(f"{r.url} ({r.failure})"))
        page.on("console", lambda m: found["console"].append({"type": m.type, "text": m.text}))
        page.on("pageerror", lambda e: found["script_errors"].append(str(e)))
        page.goto(url, wait_until="load")
        page.wait_for_timeout(200)  # a late script error or request still shows
        found["resources"] = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)")
        found["sorting"] = page.evaluate(SORT_JS)
        found["misaligned_rows"] = page.evaluate(BASELINES_JS)

        shot = os.path.join(out, "report.png")
        page.screenshot(path=shot, full_page=True)
        maps = page.evaluate(MAPS_JS)
        found["clipped_text"] = page.evaluate(CLIPPED_JS)
        pdf = os.path.join(out, "report.pdf")
        page.pdf(path=pdf, prefer_css_page_size=True, print_background=True)
        # The printed layout, at the width between an A4 landscape page's margins.
        page.emulate_media(media="print")
        page.set_viewport_size(PRINTED)
        printed = page.evaluate(PRINT_JS)
        # A late error from the clicks or the printing still counts.
        page.wait_for_timeout(100)
    finally:
        context.close()

    judge(found, maps, printed, Pack(pack_folder), shot, pdf)
    return found


def judge(found, maps, printed, pack, shot, pdf):
    """Adds to `found["problems"]` what the page did wrong, from what the browser recorded,
    the screenshot `shot`, the maps' boxes and paths, the printed layout and the PDF."""
    problems = found["problems"]

    # Requests and console.
    for r in found["requests"]:
        if r != found["url"]:
            problems.append(f"request other than the report itself: {r}")
    for r in found["resources"]:
        problems.append(f"resource requested: {r}")
    for f in found["failed"]:
        problems.append(f"failed to load: {f}")
    for m in found["console"]:
        if m["type"] in ("error", "assert"):
            problems.append(f"console {m['type']}: {m['text']}")
    for e in found["script_errors"]:
        problems.append(f"script error: {e}")
    if found["sorting"] and not (found["sorting"]["ascending"] and found["sorting"]["descending"]):
        problems.append(f"table {found['sorting']['table']} not sorted by its column {found['sorting']['column']!r}")

    for row in found["misaligned_rows"][:3]:  # the first three say enough
        problems.append(f"table {row['table'] or '(no id)'} row {row['row']}: its cells' text is {row['spread']:.0f} px off one baseline")

    # The screenshot and each map's region in it.
    image = pixels.open_png(shot)
    found["screenshot"] = {"path": shot, "size": [image.width, image.height], **pixels.variety(image)}
    if found["screenshot"]["significant"] < PAGE_MIN_COLOURS or found["screenshot"]["non_white"] < PAGE_MIN_INK:
        problems.append(f"the screenshot is blank: {found['screenshot']}")
    for m in maps:
        region = pixels.crop(image, m["box"])
        seen = pixels.variety(region) if region is not None else {"colours": 0, "significant": 0, "non_white": 0.0}
        entry = {"id": m["id"], "box": [round(v) for v in m["box"]], "paths": len(m["paths"]), **seen, "sources": {}}
        found["maps"].append(entry)
        name = m["id"] or "(a map without id)"
        if seen["significant"] < MAP_MIN_COLOURS or seen["non_white"] < MAP_MIN_INK:
            problems.append(f"map {name} shows no picture in its region {entry['box']}: {seen}")
        expected = pack.expected(m["id"])
        if not expected:
            problems.append(f"map {name}: no pack file lists its footprints")
        drawn = m["paths"]
        for code in sorted({c for c in drawn if drawn.count(c) > 1}):
            problems.append(f"map {name}: footprint {code} has {drawn.count(code)} paths")
        for code in m["undrawn"]:
            problems.append(f"map {name}: the path of footprint {code} draws nothing")
        for file, codes in expected:
            entry["sources"][file] = len(codes)
            for code in sorted(set(codes) - set(drawn)):
                problems.append(f"map {name}: footprint {code} of {file} has no path")
            for code in sorted(set(drawn) - set(codes)):
                problems.append(f"map {name}: path {code} is not a footprint of {file}")
    mapped = {pack.source(m["id"])[1] for m in maps if pack.source(m["id"])}
    for layer in pack.layers:
        if layer not in mapped:
            problems.append(f"layer {layer} (footprints_{layer}.geojson) has no map")

    # The printed layout: two maps side by side on a page (the flow map, with its note, spans
    # the page); no heading left at the foot of a page.
    for name, width in printed["maps"]:
        if width > (printed["page"] - 16) / 2 + 0.5:
            problems.append(f"printed, map {name} is {width:.0f} px wide: two do not fit side by side in {printed['page']:.0f} px")
    for heading in printed["headings"][:3]:  # the first three say enough
        problems.append(f"printed, heading {heading!r} may be left at the foot of a page (no break-after: avoid)")

    # The printed pages.
    pages = pdf_pages(pdf)
    found["pdf"] = {"path": pdf, "pages": len(pages)}
    if not pages:
        problems.append("the printed report has no page")
    for number, (w, h) in enumerate(pages, 1):
        if abs(w - A4_LANDSCAPE[0]) > A4_TOLERANCE or abs(h - A4_LANDSCAPE[1]) > A4_TOLERANCE:
            problems.append(f"printed page {number} is {w} × {h} pt, not A4 landscape")
            break


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("reports", nargs="+", metavar="REPORT")
    parser.add_argument("--pack", required=True, help="the review pack the report was drawn from")
    parser.add_argument("--out", required=True, help="folder for the screenshots and printed PDFs (one folder per report)")
    args = parser.parse_args(argv)
    if chromium() is None:
        print("check_report.py: no chromium on PATH (Debian: apt-get install chromium)", file=sys.stderr)
        return 2
    for report in args.reports:
        if not os.path.isfile(report):
            print(f"check_report.py: no such report: {report}", file=sys.stderr)
            return 2
    findings = check_all(args.reports, args.pack, args.out)
    print(json.dumps(findings, indent=1, ensure_ascii=False))
    for found in findings:
        for c in found["clipped_text"]:
            print(f"{found['report']}: warning: {c['figure']}: text {c['text']!r} cut at the figure's edge (px past left, top, right, bottom: {c['past']})", file=sys.stderr)
        for p in found["problems"]:
            print(f"{found['report']}: problem: {p}", file=sys.stderr)
    return 1 if any(found["problems"] for found in findings) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
