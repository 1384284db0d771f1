"""The scripts check_report.py runs in the page (each a JavaScript function Playwright calls):
they find the maps and measure what the browser laid out."""

# The maps: top-level <svg> elements holding footprint paths, each named by its <title>'s id.
MAP_SVGS = """const maps = () => Array.from(document.querySelectorAll("svg"))
  .filter(s => !s.parentElement.closest("svg") && s.querySelector("path[data-id]"));
const mapId = s => {
  const title = s.querySelector(":scope > title");
  return s.id || (title && title.id ? title.id.replace(/-title$/, "") : "");
};"""

MAPS_JS = "() => {" + MAP_SVGS + """
  return maps().map(s => {
    const r = s.getBoundingClientRect();
    const paths = Array.from(s.querySelectorAll("path[data-id]"));
    return {
      id: mapId(s),
      box: [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height],
      paths: paths.map(p => p.getAttribute("data-id")),
      undrawn: paths.filter(p => { const b = p.getBBox(); return !(b.width > 0 && b.height > 0); })
                    .map(p => p.getAttribute("data-id")),
    };
  });
}"""

# Printed: the page's width, each map's (but the flow map's: it spans the page), and the
# headings without the page-break rule that keeps them with what follows.
PRINT_JS = "() => {" + MAP_SVGS + """
  return {
    page: document.body.getBoundingClientRect().width,
    maps: maps().filter(s => !mapId(s).startsWith("flowmap-")).map(s => [mapId(s), s.getBoundingClientRect().width]),
    headings: Array.from(document.querySelectorAll("h2, h3"))
      .filter(h => getComputedStyle(h).breakAfter !== "avoid").map(h => h.textContent),
  };
}"""

# Text of a figure that reaches past its SVG's edges, where the browser cuts it off (reported
# as warnings, not problems: the figures are drawn by CatchmentFigures).
CLIPPED_JS = """() => {
  const out = [];
  for (const s of document.querySelectorAll("svg")) {
    if (s.parentElement.closest("svg")) continue;
    const v = s.getBoundingClientRect(), title = s.querySelector(":scope > title");
    for (const t of s.querySelectorAll("text")) {
      const b = t.getBoundingClientRect();  // on the page, rotations included
      if (b.width > 0 && (b.left < v.left - 0.5 || b.top < v.top - 0.5 || b.right > v.right + 0.5 || b.bottom > v.bottom + 0.5))
        out.push({figure: title && title.id ? title.id.replace(/-title$/, "") : "", text: t.textContent,
                  past: [v.left - b.left, v.top - b.top, b.right - v.right, b.bottom - v.bottom].map(d => Math.max(0, Math.round(d)))});
    }
  }
  return out;
}"""

# Table rows whose cells' first lines do not share a baseline (a smaller font in a cell aligned
# by its top sits higher than its neighbours): a zero-size inline block at the start of a cell
# sits on its first baseline.
BASELINES_JS = """() => {
  const out = [];
  for (const table of document.querySelectorAll("table")) {
    for (const row of table.rows) {
      const ys = Array.from(row.cells).filter(c => c.textContent.trim()).map(c => {
        const mark = document.createElement("span");
        mark.style.cssText = "display:inline-block;width:0;height:0";
        c.insertBefore(mark, c.firstChild);
        const y = mark.getBoundingClientRect().top;
        mark.remove();
        return y;
      });
      const spread = ys.length > 1 ? Math.max(...ys) - Math.min(...ys) : 0;
      if (spread > 1) out.push({table: table.id, row: row.rowIndex, spread: spread});
    }
  }
  return out;
}"""

SORT_JS = """() => {
  for (const table of document.querySelectorAll("table.sortable")) {
    const body = table.tBodies[0];
    if (!body || body.rows.length < 2) continue;
    const headings = table.tHead ? Array.from(table.tHead.rows[0].cells) : [];
    for (let c = 0; c < headings.length; c++) {
      const cells = Array.from(body.rows).map(r => r.cells[c]);
      if (cells.every(cell => cell && cell.hasAttribute("data-value"))) {
        const column = () => Array.from(table.tBodies[0].rows).map(r => parseFloat(r.cells[c].getAttribute("data-value")));
        const sorted = (v, up) => v.every((x, i) => i === 0 || (up ? v[i - 1] <= x : v[i - 1] >= x));
        headings[c].click();
        const up = sorted(column(), true);
        headings[c].click();
        const down = sorted(column(), false);
        return {table: table.id, column: headings[c].textContent, ascending: up, descending: down};
      }
    }
  }
  return null;
}"""
