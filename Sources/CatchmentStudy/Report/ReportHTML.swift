import CatchmentFigures
import Foundation

/// The pieces of the report's HTML: escaping, numbers, tables and the page around the sections.
///
/// Inline CSS only (A4 landscape when printed) and one small inline script that sorts a table
/// when its heading is clicked; nothing refers to any other file or address.
enum ReportHTML {
  static func escape(_ text: String) -> String { SVGDocument.escape(text) }

  /// A count with thousands separators ("–" for nil).
  static func count(_ value: Double?) -> String { ValueFormat.count("").text(value) }
  /// A share 0...1 as a percentage with one decimal.
  static func percent(_ value: Double?) -> String { ValueFormat.percent("").text(value) }

  /// `text` cut to `limit` characters with "…" at the end: figure labels have room for about
  /// 40 characters before the figures' fixed margins clip them, slanted column labels about 28
  /// (a heatmap leaves room for its last column label only); the tables keep the whole name.
  static func short(_ text: String, _ limit: Int = 40) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)).trimmingCharacters(in: .whitespaces) + "…"
  }

  /// A table cell; numbers carry their raw value in `data-value` for sorting, and a number
  /// left out ("–") is aligned as the numbers of its column are.
  static func cell(_ text: String, value: Double? = nil, classes: String = "") -> String {
    if value == nil && text == "–" { return cell(text, value: .nan, classes: classes) }
    var tag = "<td"
    if let value, value.isFinite { tag += " data-value=\"\(NumberText.format(value, decimals: 6, separators: false, asciiMinus: true))\"" }
    if value != nil || !classes.isEmpty { tag += " class=\"\(value != nil ? "num" : "")\(classes.isEmpty ? "" : (value != nil ? " " : "") + classes)\"" }
    return tag + ">" + escape(text) + "</td>"
  }

  /// A sortable table: headings and rows of cells already built with ``cell(_:value:classes:)``.
  static func table(id: String, caption: String?, headings: [String], rows: [[String]], classes: String = "") -> String {
    var out = "<table id=\"\(escape(id))\" class=\"sortable\(classes.isEmpty ? "" : " " + classes)\">"
    if let caption { out += "<caption>\(escape(caption))</caption>" }
    out += "<thead><tr>" + headings.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
    for row in rows { out += "<tr>" + row.joined() + "</tr>\n" }
    return out + "</tbody></table>\n"
  }

  /// A figure inline, with its caption.
  static func figure(_ figure: ReportFigure, caption: String) -> String {
    "<figure id=\"figure-\(escape(figure.name))\">\n\(figure.svg)<figcaption>\(escape(caption)) (figures/\(escape(figure.name)).svg)</figcaption></figure>\n"
  }

  /// The whole page: title, contents, the sections in order.
  ///
  /// Table cells align on their first baseline: the codes, in a smaller monospace font, sit on
  /// the same line as the names beside them.
  ///
  /// On screen each figure keeps its drawn size and scrolls sideways when wider than the page (a
  /// national heatmap shrunk to the page would be unreadable); printed, it is fitted to the page,
  /// the maps to half of it, two side by side (520 px maps, 1,032 px between an A4 landscape
  /// page's margins: two and the gap would not fit by 24 px), and headings stay with what
  /// follows them.
  static func page(title: String, subtitle: String, sections: [(id: String, heading: String, body: String)]) -> String {
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    out += "<title>\(escape(title))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
    out += "<header><h1>\(escape(title))</h1><p>\(escape(subtitle))</p>\n<nav><ul>"
    out += sections.map { "<li><a href=\"#\($0.id)\">\(escape($0.heading))</a></li>" }.joined()
    out += "</ul></nav></header>\n"
    for section in sections {
      out += "<section id=\"\(section.id)\">\n<h2>\(escape(section.heading))</h2>\n\(section.body)</section>\n"
    }
    out += "<script>\n\(script)</script>\n</body>\n</html>\n"
    return out
  }

  static let css = """
    @page { size: A4 landscape; margin: 12mm; }
    body { font-family: sans-serif; font-size: 13px; color: #1a1a1a; margin: 16px 24px; max-width: 1400px; }
    h1 { font-size: 22px; margin: 0 0 4px 0; }
    h2 { font-size: 18px; border-bottom: 2px solid #3b528b; padding-bottom: 3px; margin-top: 28px; }
    h3 { font-size: 15px; margin: 18px 0 6px 0; }
    header p { color: #555555; margin: 0 0 8px 0; }
    nav ul { list-style: none; padding: 0; margin: 0; }
    nav li { display: inline; margin-right: 14px; }
    nav a { color: #3b528b; }
    table { border-collapse: collapse; margin: 6px 0 14px 0; }
    caption { text-align: left; font-weight: bold; padding: 4px 0; }
    th, td { border-bottom: 1px solid #dddddd; padding: 3px 8px; text-align: left; vertical-align: baseline; }
    th { background: #f2f2f2; cursor: pointer; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.changed { background: #fde0a6; font-weight: bold; }
    td.code { font-family: monospace; font-size: 11px; word-break: break-all; }
    tr.total td { font-weight: bold; border-top: 2px solid #999999; }
    .figures { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
    figure { margin: 0 0 12px 0; max-width: 100%; overflow-x: auto; }
    figure svg { display: block; }
    figcaption { font-size: 11px; color: #555555; }
    .note { color: #555555; }
    @media print {
      body { margin: 0; max-width: none; }
      nav { display: none; }
      section { break-before: page; }
      section:first-of-type { break-before: auto; }
      figure, tr { break-inside: avoid; }
      figure { overflow: visible; }
      figure svg { max-width: 100%; height: auto; }
      h2, h3, caption { break-after: avoid; }
      .figures > figure[id^="figure-map_"], .figures > figure[id^="figure-proposal_"] { max-width: calc(50% - 8px); }
    }

    """

  /// Sorts a table by the clicked column: numbers by `data-value`, text otherwise; a second
  /// click reverses. No comment markers in it: the report holds no double slash at all.
  static let script = """
    document.querySelectorAll("table.sortable th").forEach(function (th) {
      th.addEventListener("click", function () {
        var table = th.closest("table"), body = table.tBodies[0];
        var column = Array.prototype.indexOf.call(th.parentNode.children, th);
        var up = th.getAttribute("data-sorted") !== "up";
        table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("data-sorted"); });
        th.setAttribute("data-sorted", up ? "up" : "down");
        var rows = Array.prototype.slice.call(body.rows);
        function key(row) {
          var cell = row.cells[column];
          if (!cell) { return ""; }
          var v = cell.getAttribute("data-value");
          return v === null ? cell.textContent : parseFloat(v);
        }
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var order = (typeof x === "number" && typeof y === "number") ? x - y : String(x).localeCompare(String(y));
          return up ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });

    """
}
