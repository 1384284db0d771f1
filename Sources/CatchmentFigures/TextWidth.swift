/// How wide a line of text is drawn, estimated without font metrics at run time (so the same
/// input always gives the same figure).
///
/// Each width is the larger of DejaVu Sans's and Liberation Sans's advance widths, in
/// thousandths of an em rounded up: DejaVu Sans is the `sans-serif` of Debian and most Linux
/// desktops, Liberation Sans has Arial's metrics (Chromium's, Windows' sans-serif; Helvetica is
/// no wider), so a box measured with these widths holds the text in any of them. Read from
/// fonts-dejavu-core 2.37 and fonts-liberation 1.07.4 with fontTools:
///
///     from fontTools.ttLib import TTFont; import math
///     fonts = [TTFont(p) for p in ("DejaVuSans.ttf", "LiberationSans-Regular.ttf")]
///     def width(c): return max(math.ceil(f["hmtx"][f.getBestCmap()[c]][0] * 1000 / f["head"].unitsPerEm) for f in fonts)
///     [width(c) for c in range(32, 127)]
///
/// Characters beyond ASCII count as one em (as wide as the widest common glyphs), except
/// the few the figures print themselves (dashes, minus, ellipsis, arrows, ×, accented letters).
enum TextWidth {
  /// Width in pixels of `text` set in one line at `fontSize` pixels (regular weight; `bold`
  /// adds 10 %, DejaVu Sans Bold being at most that much wider on average).
  static func of(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
    var thousandths = 0
    for scalar in text.unicodeScalars {
      let v = Int(scalar.value)
      if v >= 32 && v < 127 {
        thousandths += ascii[v - 32]
      } else {
        thousandths += other[v] ?? 1000
      }
    }
    return Double(thousandths) / 1000 * fontSize * (bold ? 1.1 : 1)
  }

  /// `text` as it fits in `width` pixels at `fontSize`: whole when it fits, else its longest
  /// prefix (trailing spaces dropped) that fits with "…" after it.
  static func fitted(_ text: String, width: Double, fontSize: Double) -> String {
    guard of(text, fontSize: fontSize) > width else { return text }
    var prefix = Substring(text)
    while !prefix.isEmpty {
      prefix = prefix.dropLast()
      let candidate = prefix.trimmingSuffixSpaces + "…"
      if of(candidate, fontSize: fontSize) <= width { return candidate }
    }
    return "…"
  }

  /// `text` broken at spaces into lines no wider than `width` pixels at `fontSize` (a single
  /// word wider than that is a line of its own, fitted with "…").
  static func lines(_ text: String, width: Double, fontSize: Double) -> [String] {
    var out: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      let candidate = line.isEmpty ? String(word) : line + " " + word
      if line.isEmpty || of(candidate, fontSize: fontSize) <= width {
        line = candidate
      } else {
        out.append(line)
        line = String(word)
      }
    }
    if !line.isEmpty { out.append(line) }
    return out.map { fitted($0, width: width, fontSize: fontSize) }
  }

  /// Advance widths of U+0020…U+007E in thousandths of an em.
  static let ascii: [Int] = [
    318, 401, 460, 838, 637, 951, 780, 275, 391, 391, 500, 838, 318, 361, 318, 337,
    637, 637, 637, 637, 637, 637, 637, 637, 637, 637, 337, 337, 838, 838, 838, 557,
    1016, 685, 687, 723, 771, 667, 611, 778, 752, 295, 500, 667, 558, 863, 749, 788,
    667, 788, 723, 667, 611, 732, 685, 989, 686, 667, 686, 391, 337, 391, 838, 557,
    500, 613, 635, 550, 635, 616, 353, 635, 634, 278, 278, 580, 278, 975, 634, 612,
    635, 635, 412, 521, 393, 634, 592, 818, 592, 592, 525, 637, 337, 637, 838,
  ]

  /// The other characters the figures print: en dash, minus, ellipsis, ×, →, right quote,
  /// no-break space, em space, and é (accented Latin letters are about as wide as their base).
  static let other: [Int: Int] = [0x2013: 557, 0x2212: 838, 0x2026: 1000, 0xD7: 838, 0x2192: 1000, 0x2019: 318, 0xA0: 318, 0x2003: 1000, 0xE9: 616]
}

extension Substring {
  fileprivate var trimmingSuffixSpaces: String {
    var out = self
    while out.last == " " { out = out.dropLast() }
    return String(out)
  }
}
