/// Where each footprint's label is drawn on a map: wholly inside its footprint and the map's
/// frame, over no other label, or not at all.
///
/// A label is its lines of text (the name, then the value when there is one) centred on an
/// anchor, measured with ``TextWidth`` (an upper bound of the usual sans-serif fonts) and a
/// halo of ``halo`` px around the glyphs. Footprints are placed largest drawn area first. The
/// sizes are tried in turn — 10, 9 then 8 px, then as a last resort the name without its value
/// at 8 px — and at each size the anchors in turn — the footprint's pole of inaccessibility
/// (``DisplayGeometry/labels``), then the points of a 24 × 24 grid over the footprint, farthest
/// from its border first — and at each anchor the name on one line, wrapped on two, on three
/// (so a wrapped name in the middle wins over one line squeezed along an edge). The first whose
/// box is inside the frame, overlaps no label placed before nor any box to avoid, and crosses
/// no edge of the footprint's drawn rings (its anchor being inside, the box is then inside the
/// footprint) is kept. A footprint with no such place is left out: the caller says so in the
/// map's description, and the footprint's `<title>` names it on hover.
struct LabelPlacement {
  /// An axis-aligned box in drawing coordinates (y down).
  struct Box: Equatable {
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double

    func overlaps(_ o: Box) -> Bool { x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1 }
  }

  struct Label {
    let feature: Int
    /// The anchor: the middle of the text block.
    let x: Double
    let y: Double
    let fontSize: Double
    let lines: [String]
    /// Whether the last line is the value (false: the name alone, the value did not fit).
    let hasValue: Bool
    let box: Box

    /// Baseline of the first line.
    var firstBaseline: Double { y - Double(lines.count) * LabelPlacement.lineHeight * fontSize / 2 + 0.95 * fontSize }
  }

  /// Font sizes tried, largest first (px).
  static let fontSizes: [Double] = [10, 9, 8]
  /// Line height in ems.
  static let lineHeight = 1.2
  /// Room for the white halo around the glyphs (stroke 2.5 px: 1.25 px each side), px.
  static let halo = 1.5

  /// The labels placed, in feature order.
  let placed: [Label]
  /// Features with a drawn polygon and no label, in feature order.
  let dropped: [Int]
  /// Whether the labels were given values.
  let withValues: Bool

  /// - Parameters:
  ///   - names: one per feature (its name, or its code).
  ///   - values: one per feature when the labels carry a value (printed on the last line).
  ///   - avoiding: boxes no label may overlap (a flow map's nodes).
  ///   - preferablyAvoiding: boxes a label overlaps only when it fits nowhere else (a flow
  ///     map's links): every layout and anchor is tried clear of them first.
  init(geometry: DisplayGeometry, names: [String], values: [String]? = nil, avoiding: [Box] = [], preferablyAvoiding: [Box] = []) {
    withValues = values != nil
    let frame = Box(x0: 0, y0: 0, x1: geometry.frame.width, y1: geometry.frame.height)
    let order = geometry.ids.indices.filter { !geometry.rings[$0].isEmpty }.sorted { a, b in
      let (areaA, areaB) = (geometry.drawnArea(a), geometry.drawnArea(b))
      return areaA != areaB ? areaA > areaB : a < b
    }
    var taken = avoiding
    var byFeature: [Int: Label] = [:]
    for f in order {
      let name = f < names.count ? names[f] : geometry.ids[f]
      let value = values.flatMap { f < $0.count ? $0[f] : nil }
      let layouts = Self.layouts(name: name, value: value)
      guard let anchor = geometry.labels[f] else { continue }
      let rings = geometry.rings[f]
      let pole = (x: anchor.x, y: anchor.y, room: LabelPoint.signedDistance(anchor, rings: rings))
      // A box h high needs its centre h/2 from the border, and no point is farther from it than
      // the pole: when the flattest layout cannot fit there, none fits anywhere.
      let lowest = layouts.map { ($0.box.y1 - $0.box.y0) / 2 }.min() ?? 0
      guard pole.room >= lowest else { continue }
      var grid: [(x: Double, y: Double, room: Double)]?  // computed when the pole is not enough
      // Layouts of one size (and with or without the value) form a step; within a step an anchor
      // nearer the middle wins over fewer lines: a wrapped name in the middle of its footprint
      // reads better than one line squeezed along an edge.
      var steps: [[(fontSize: Double, lines: [String], hasValue: Bool, box: Box)]] = []
      for layout in layouts {
        if let last = steps.last?.last, last.fontSize == layout.fontSize && last.hasValue == layout.hasValue {
          steps[steps.count - 1].append(layout)
        } else {
          steps.append([layout])
        }
      }
      search: for soft in (preferablyAvoiding.isEmpty ? [[]] : [preferablyAvoiding, []]) {
        let blocked = taken + soft
        for step in steps {
          func half(_ box: Box) -> (w: Double, h: Double) { ((box.x1 - box.x0) / 2, (box.y1 - box.y0) / 2) }
          if grid == nil && !step.contains(where: { Self.fits(pole, half($0.box), rings: rings, frame: frame, taken: blocked) }) {
            grid = Self.grid(rings: rings, atLeast: lowest)
          }
          for a in [pole] + (grid ?? []) {
            for layout in step {
              let half = half(layout.box)
              guard Self.fits(a, half, rings: rings, frame: frame, taken: blocked) else { continue }
              let box = Box(x0: a.x - half.w, y0: a.y - half.h, x1: a.x + half.w, y1: a.y + half.h)
              taken.append(box)
              byFeature[f] = Label(feature: f, x: a.x, y: a.y, fontSize: layout.fontSize, lines: layout.lines, hasValue: layout.hasValue, box: box)
              break search
            }
          }
        }
      }
    }
    placed = byFeature.keys.sorted().compactMap { byFeature[$0] }
    dropped = order.filter { byFeature[$0] == nil }.sorted()
  }

  /// Whether a box of half-size `half` centred on `a` (inside the footprint) is inside the
  /// frame, clear of the boxes taken and of the footprint's edges.
  static func fits(
    _ a: (x: Double, y: Double, room: Double), _ half: (w: Double, h: Double), rings: [[(x: Double, y: Double)]], frame: Box, taken: [Box]
  ) -> Bool {
    let box = Box(x0: a.x - half.w, y0: a.y - half.h, x1: a.x + half.w, y1: a.y + half.h)
    guard a.room >= half.h, box.x0 >= frame.x0, box.y0 >= frame.y0, box.x1 <= frame.x1, box.y1 <= frame.y1 else { return false }
    return !taken.contains(where: { $0.overlaps(box) }) && !crosses(rings: rings, box: box)
  }

  /// The layouts to try, preferred first, each with its box centred on (0, 0).
  static func layouts(name: String, value: String?) -> [(fontSize: Double, lines: [String], hasValue: Bool, box: Box)] {
    var out: [(fontSize: Double, lines: [String], hasValue: Bool, box: Box)] = []
    // With the value at every size; then, as a last resort, the name alone at the smallest
    // (the colour and the hover still give the value).
    let tries = fontSizes.map { ($0, value) } + (value == nil ? [] : [(fontSizes.last ?? 8, nil)])
    for (size, value) in tries {
      var seen: [[String]] = []
      for count in 1...3 {
        let lines = wrap(name, lines: count, fontSize: size) + (value.map { [$0] } ?? [])
        if seen.contains(lines) { continue }
        seen.append(lines)
        let w = (lines.map { TextWidth.of($0, fontSize: size) }.max() ?? 0) / 2 + halo
        let h = Double(lines.count) * lineHeight * size / 2 + halo
        out.append((size, lines, value != nil, Box(x0: -w, y0: -h, x1: w, y1: h)))
      }
    }
    return out
  }

  /// `text` on `lines` lines (fewer when it has fewer words), broken at spaces so that the
  /// widest line is as narrow as possible (first such break when several tie).
  static func wrap(_ text: String, lines: Int, fontSize: Double) -> [String] {
    let words = text.split(separator: " ").map(String.init)
    guard lines > 1, words.count > 1 else { return [text] }
    func width(_ range: Range<Int>) -> Double { TextWidth.of(words[range].joined(separator: " "), fontSize: fontSize) }
    var best: (widest: Double, breaks: [Int])?
    // Breaks b1 < b2 (< words.count): lines are words[0..<b1], words[b1..<b2], words[b2...].
    for b1 in 1..<words.count {
      if lines == 2 {
        let widest = max(width(0..<b1), width(b1..<words.count))
        if widest < (best?.widest ?? .infinity) { best = (widest, [b1]) }
        continue
      }
      for b2 in (b1 + 1)..<max(words.count, b1 + 2) where b2 < words.count {
        let widest = max(width(0..<b1), width(b1..<b2), width(b2..<words.count))
        if widest < (best?.widest ?? .infinity) { best = (widest, [b1, b2]) }
      }
    }
    guard let breaks = best?.breaks else { return [text] }
    let bounds = [0] + breaks + [words.count]
    return (0..<(bounds.count - 1)).map { words[bounds[$0]..<bounds[$0 + 1]].joined(separator: " ") }
  }

  /// Points of a 24 × 24 grid over the rings' bounding box that are inside them and at least
  /// `atLeast` from their border, farthest first (then top to bottom, left to right).
  static func grid(rings: [[(x: Double, y: Double)]], atLeast: Double) -> [(x: Double, y: Double, room: Double)] {
    let xs = rings.joined().map(\.x), ys = rings.joined().map(\.y)
    guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return [] }
    let n = 24
    var out: [(x: Double, y: Double, room: Double)] = []
    for j in 0..<n {
      for i in 0..<n {
        let p = (x: minX + (maxX - minX) * (Double(i) + 0.5) / Double(n), y: minY + (maxY - minY) * (Double(j) + 0.5) / Double(n))
        let room = LabelPoint.signedDistance(p, rings: rings)
        if room >= atLeast { out.append((p.x, p.y, room)) }
      }
    }
    return out.sorted { $0.room != $1.room ? $0.room > $1.room : ($0.y != $1.y ? $0.y < $1.y : $0.x < $1.x) }
  }

  /// Whether an edge of `rings` meets `box` (Liang–Barsky clipping of each edge).
  static func crosses(rings: [[(x: Double, y: Double)]], box: Box) -> Bool {
    for ring in rings where ring.count >= 2 {
      var previous = ring[ring.count - 1]
      for p in ring {
        defer { previous = p }
        let (a, b) = (previous, p)
        if max(a.x, b.x) < box.x0 || min(a.x, b.x) > box.x1 || max(a.y, b.y) < box.y0 || min(a.y, b.y) > box.y1 { continue }
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        var meets = true
        for (q, r) in [(-dx, a.x - box.x0), (dx, box.x1 - a.x), (-dy, a.y - box.y0), (dy, box.y1 - a.y)] {
          if q == 0 {
            if r < 0 { meets = false }
          } else {
            let t = r / q
            if q < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
          }
        }
        if meets && t0 <= t1 { return true }
      }
    }
    return false
  }
}
