/// ONS's change indicator (`CHGIND`) of one (LSOA 2011, LSOA 2021) pair of the bridge lookup.
enum VintageChange: String, CaseIterable {
  /// The same zone in both vintages, under the same code.
  case unchanged = "U"
  /// One 2011 zone split into several 2021 zones.
  case split = "S"
  /// Several 2011 zones merged into one 2021 zone.
  case merged = "M"
  /// A redrawn boundary: several 2011 zones and several 2021 zones, many to many.
  case complex = "X"
}

/// The demo's LSOA 2011 zones and how they pair with its (2021) LSOAs, as in ONS's "LSOA (2011)
/// to LSOA (2021) to Local Authority District (2022) Lookup for England and Wales".
///
/// The 2021 zones are the generated LSOAs, unchanged. The 2011 zones are drawn backwards from
/// them: most are the same zone under the same code (U); some are the union of two or three
/// neighbouring 2021 zones (S); some 2021 zones are cut into two or three 2011 strips (M); and
/// one group of three 2021 zones in a column was, in 2011, two zones whose common boundary ran
/// through the middle one (X). Every 2011 zone lies in one council, so a pair's LAD is that of
/// its 2021 zone, as in the ONS file.
///
/// As ONS retired the codes of split, merged and redrawn 2011 zones and gave the 2021 pieces
/// new ones, the demo's retired 2011 codes are a block of their own, `E01090001` upward, below
/// every generated 2021 code (`E01100001`…) and far from the out-of-area codes (`E01199901`…).
struct VintageBridge {
  /// One LSOA 2011 zone.
  struct Zone {
    var code: String
    var name: String
    var council: Int
    /// Its polygon, a rectangle in grid metres from the boundary grid's origin
    /// (x0, y0, x1, y1); the same cells as `BoundaryFileWriter.layout`.
    var box: (Int, Int, Int, Int)
  }

  /// One row of the bridge lookup.
  struct Pair {
    /// Index into `zones`.
    var zone: Int
    /// Index of the 2021 LSOA.
    var lsoa: Int
    var change: VintageChange
    /// How much of the 2021 zone's population lies in the 2011 zone, relative to the 2021
    /// zone's other pairs (the overlap in m² for X rows, a drawn density × width for M rows,
    /// 1 for a 2021 zone with one pair).
    var weight: Int
  }

  /// How often the walk over the 2021 zones starts a split or a merge, per 1,000 zones.
  struct Tuning {
    var splitPermille: Int
    var mergePermille: Int

    /// ONS's national proportions (S 1,900 of 35,795 rows, M 239) at national scale; merges
    /// four times as often at demo scale, so that 363 zones still show a few.
    static func forScale(_ scale: DemoScale) -> Tuning {
      switch scale {
      case .demo: return Tuning(splitPermille: 25, mergePermille: 20)
      case .national: return Tuning(splitPermille: 31, mergePermille: 3)
      }
    }
  }

  /// First number of the retired 2011 codes ("E01" + six digits).
  static let firstRetiredNumber = 90_001

  /// All 2011 zones: unchanged ones (2021 code) and retired ones, in no particular order.
  var zones: [Zone] = []
  /// The bridge rows, by 2021 zone index, then 2011 code.
  var pairs: [Pair] = []
}

extension VintageBridge {
  /// A planned group of 2011 zones over consecutive 2021 zones of one column.
  private enum Group {
    case unchanged(Int)
    case split([Int])
    case merged(Int, cuts: [Int])
    case complex([Int], cut: Int)
  }

  /// Draws the 2011 vintage of `geo`, whose zones sit in the cells of `layout`.
  static func draw(
    _ geo: DemoGeography, layout: BoundaryFileWriter.Layout, tuning: Tuning,
    rng: inout SplitMix64
  ) -> VintageBridge {
    let rows = BoundaryFileWriter.rows
    var groups: [Group] = []
    var complexPlaced = false, splitPlaced = false, mergePlaced = false
    for sub in geo.subICBs {
      let line = sub.lsoas
      var k = 0
      while k < line.count {
        let l = line[k]
        // Consecutive zones from k in the same column and council, none of them the zone
        // missing from the population file (which stays unchanged, missing in both vintages).
        var room = 0
        while k + room < line.count, (k + room) / rows == k / rows,
          geo.lsoas[line[k + room]].council == geo.lsoas[l].council,
          line[k + room] != geo.missingPopulationLSOA
        {
          room += 1
        }
        // One redrawn group, mid-file so that it is not an edge case of any ordering.
        if !complexPlaced, room >= 3, l >= geo.lsoas.count / 2 {
          groups.append(.complex(Array(line[k..<k + 3]), cut: 100 * rng.int(in: 3...7)))
          complexPlaced = true
          k += 3
          continue
        }
        // Until one split has taken three zones, every split that can does so, and the first
        // merge takes three strips, so that both shapes appear at demo scale; later ones
        // mostly take two.
        let draw = rng.below(1000)
        if draw < tuning.splitPermille {
          // A split needs a neighbour in the same column and council; without one the zone
          // stays unchanged (a merge here would skew the proportions).
          guard room >= 2 else {
            groups.append(.unchanged(l))
            k += 1
            continue
          }
          let n = room >= 3 && (!splitPlaced || rng.chance(permille: 300)) ? 3 : 2
          groups.append(.split(Array(line[k..<k + n])))
          if n == 3 { splitPlaced = true }
          k += n
        } else if draw < tuning.splitPermille + tuning.mergePermille, room >= 1 {
          let cuts =
            !mergePlaced || rng.chance(permille: 250)
            ? [100 * rng.int(in: 2...4), 100 * rng.int(in: 6...8)] : [100 * rng.int(in: 3...7)]
          groups.append(.merged(l, cuts: cuts))
          mergePlaced = true
          k += 1
        } else {
          groups.append(.unchanged(l))
          k += 1
        }
      }
    }
    return build(geo, layout: layout, groups: groups, rng: &rng)
  }

  /// Turns the planned groups into zones and pairs: retired codes in the order of their first
  /// 2021 zone, names in their first 2021 zone's MSOA with letters from Z down.
  private static func build(
    _ geo: DemoGeography, layout: BoundaryFileWriter.Layout, groups: [Group],
    rng: inout SplitMix64
  ) -> VintageBridge {
    let cell = BoundaryFileWriter.cell
    func box(_ l: Int) -> (Int, Int, Int, Int) {
      let c = layout.cellOfLSOA[l]
      return (c.column * cell, c.row * cell, (c.column + 1) * cell, (c.row + 1) * cell)
    }
    var bridge = VintageBridge()
    var retired = 0
    var lettersUsed: [String: Int] = [:]
    func retiredZone(after l: Int, box: (Int, Int, Int, Int)) -> Int {
      let msoa = String(geo.lsoas[l].name.dropLast())
      let letter = Character(UnicodeScalar(UInt8(90 - lettersUsed[msoa, default: 0])))
      lettersUsed[msoa, default: 0] += 1
      let code = "E01" + String(firstRetiredNumber + retired).leftPadded(to: 6)
      retired += 1
      bridge.zones.append(
        Zone(code: code, name: msoa + String(letter), council: geo.lsoas[l].council, box: box))
      return bridge.zones.count - 1
    }
    let ordered = groups.sorted { first($0) < first($1) }
    for group in ordered {
      switch group {
      case .unchanged(let l):
        let lsoa = geo.lsoas[l]
        bridge.zones.append(Zone(code: lsoa.code, name: lsoa.name, council: lsoa.council, box: box(l)))
        bridge.pairs.append(Pair(zone: bridge.zones.count - 1, lsoa: l, change: .unchanged, weight: 1))
      case .split(let pieces):
        let (x0, y0, x1, _) = box(pieces[0])
        let z = retiredZone(after: pieces[0], box: (x0, y0, x1, box(pieces.last!).3))
        for l in pieces { bridge.pairs.append(Pair(zone: z, lsoa: l, change: .split, weight: 1)) }
      case .merged(let l, let cuts):
        let (x0, y0, x1, y1) = box(l)
        let edges = [x0] + cuts.map { x0 + $0 } + [x1]
        for s in 0..<(edges.count - 1) {
          let z = retiredZone(after: l, box: (edges[s], y0, edges[s + 1], y1))
          // Residents are not spread evenly: the strip's width times a drawn density.
          let weight = (edges[s + 1] - edges[s]) * rng.int(in: 60...140)
          bridge.pairs.append(Pair(zone: z, lsoa: l, change: .merged, weight: weight))
        }
      case .complex(let column, let cut):
        // Two 2011 zones whose boundary crosses the middle 2021 zone `cut` metres up it.
        let (x0, y0, x1, _) = box(column[0])
        let middle = box(column[1]).1 + cut
        let lower = retiredZone(after: column[0], box: (x0, y0, x1, middle))
        let upper = retiredZone(after: column[0], box: (x0, middle, x1, box(column[2]).3))
        let width = x1 - x0
        bridge.pairs += [
          Pair(zone: lower, lsoa: column[0], change: .complex, weight: width * cell),
          Pair(zone: lower, lsoa: column[1], change: .complex, weight: width * cut),
          Pair(zone: upper, lsoa: column[1], change: .complex, weight: width * (cell - cut)),
          Pair(zone: upper, lsoa: column[2], change: .complex, weight: width * cell),
        ]
      }
    }
    // By 2021 zone, then 2011 code: the pairs of one 2021 zone are adjacent.
    let zones = bridge.zones
    bridge.pairs.sort { ($0.lsoa, zones[$0.zone].code) < ($1.lsoa, zones[$1.zone].code) }
    return bridge
  }

  /// The first 2021 zone of a group.
  private static func first(_ group: Group) -> Int {
    switch group {
    case .unchanged(let l), .merged(let l, _): return l
    case .split(let pieces): return pieces[0]
    case .complex(let column, _): return column[0]
    }
  }

  /// Rows per change code, in `VintageChange.allCases` order.
  var rowsByChange: [Int] {
    VintageChange.allCases.map { change in pairs.filter { $0.change == change }.count }
  }
}
