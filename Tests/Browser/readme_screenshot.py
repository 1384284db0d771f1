#!/usr/bin/env python3
"""The README's picture of a report: its top (title, headline table and totals) above the first
row of its maps, as headless Chromium draws them at a desktop width, networking off.

    python readme_screenshot.py REPORT.html OUT.png

The two parts are cut from one screenshot of the whole page at the boxes of their elements
(between them the report has its accounting and provenance, too long for a picture) and
stacked with a grey rule between them. Full colour (a palette would band the legends' colour
ramps); it must stay under 300 KB.
"""

import os
import sys

from PIL import Image

from check_report import OFFLINE_ARGS, chromium

WIDTH = 1120  # two 520 px maps side by side, with the page's margins
LIMIT = 300 * 1024

# The page boxes [top, bottom, right] of the two parts: from the top of the page to the line of
# totals under the headline table; from the Maps heading to the end of its first row of figures.
PARTS_JS = """() => {
  const box = e => { const r = e.getBoundingClientRect(); return [r.top + scrollY, r.bottom + scrollY, r.right + scrollX]; };
  const headline = document.querySelector("#headline");
  const table = headline.querySelector("table");
  let last = table;
  if (table.nextElementSibling && table.nextElementSibling.tagName === "P") last = table.nextElementSibling;
  const maps = document.querySelector("#maps");
  const figures = maps.querySelector(".figures");
  const row = Array.from(figures.children).filter(f => box(f)[0] === box(figures.children[0])[0]);
  return [
    [0, box(last)[1], Math.max(box(table)[2], box(document.querySelector("header"))[2])],
    [box(maps.querySelector("h2"))[0], Math.max(...row.map(f => box(f)[1])), Math.max(...row.map(f => box(f)[2]))],
  ];
}"""


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    report, out = argv
    from playwright.sync_api import sync_playwright

    shot = out + ".full.png"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=OFFLINE_ARGS)
        page = browser.new_page(viewport={"width": WIDTH, "height": 800}, device_scale_factor=1)
        page.goto("file://" + os.path.abspath(report), wait_until="load")
        parts = page.evaluate(PARTS_JS)
        page.screenshot(path=shot, full_page=True)
        browser.close()
    page_image = Image.open(shot).convert("RGB")
    os.remove(shot)
    right = min(WIDTH, int(max(p[2] for p in parts)) + 24)
    pieces = [page_image.crop((0, int(top) - 8 if top else 0, right, int(bottom) + 12)) for top, bottom, _ in parts]
    rule = 12
    height = sum(p.height for p in pieces) + rule * (len(pieces) - 1)
    picture = Image.new("RGB", (right, height), (255, 255, 255))
    y = 0
    for i, piece in enumerate(pieces):
        if i:
            picture.paste((200, 200, 200), (24, y + rule // 2 - 1, right - 24, y + rule // 2 + 1))
            y += rule
        picture.paste(piece, (0, y))
        y += piece.height
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    picture.save(out, optimize=True)
    size = os.path.getsize(out)
    print(f"{out}: {picture.width} × {picture.height} px, {size:,} bytes")
    if size >= LIMIT:
        print(f"readme_screenshot.py: {out} is {size:,} bytes, over the {LIMIT:,} the README allows", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
