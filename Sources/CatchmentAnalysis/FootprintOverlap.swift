import CatchmentCore
import CatchmentTables

/// How well two footprint layers line up (coterminosity), by population: the STP/ICS footprint
/// review's question against councils and other footprints.
///
/// With two crosswalks of the same zones, wA(z,a) and wB(z,b), and pop(z):
/// - M[a][b] = Σz pop(z)·wA(z,a)·wB(z,b), the population living in a ∩ b;
/// - P(a) = Σb M[a][b], P(b) = Σa M[a][b];
/// - cov_a_to_b = M/P(a), cov_b_to_a = M/P(b), Jaccard = M/(P(a) + P(b) − M).
///
/// The product wA·wB is exact when, for every zone, at least one of the two crosswalks puts it
/// wholly in one footprint. When both split a zone, how its population is shared between the
/// pieces a ∩ b is unknown from the weights: such zones are refused (``Refusal``) unless their
/// splits are given from geometry (``init(a:b:population:splits:)``).
public struct FootprintOverlap: Sendable {
  /// Zones that both crosswalks split, named in the refusal.
  public struct Refusal: Error, CustomStringConvertible {
    public let zones: [String]
    /// The account of the refused overlap (a warning naming every refused zone, where the
    /// message names the first few), for the report of a run that records it.
    public let account: RunAccount

    public init(zones: [String], account: RunAccount = RunAccount()) {
      self.zones = zones
      self.account = account
    }
    public var description: String { message(splitBy: "Give zone polygons and both layers' polygons") }

    /// The message, with `splitBy` phrasing how to give the polygons that split the zones (a
    /// front end names its own settings for them).
    public func message(splitBy: String) -> String {
      "\(zones.count) zones are split by both crosswalks, so the population of each piece a ∩ b is unknown (the product of the weights is only an assumption): \(zones.prefix(8).joined(separator: ", "))\(zones.count > 8 ? ", …" : ""). \(splitBy) to split them by the area of each piece."
    }
  }

  /// A's footprint ids (byte order, UNALLOCATED last).
  public let aIDs: [String]
  /// B's footprint ids (byte order, UNALLOCATED last).
  public let bIDs: [String]
  /// Names of A's and B's footprints, aligned with the ids ("" where the crosswalk has none).
  public let aNames: [String]
  public let bNames: [String]
  /// M[a][b], row-major aIDs × bIDs.
  public let matrix: [Double]
  /// P(a), P(b).
  public let aPopulation: [Double]
  public let bPopulation: [Double]
  /// What the overlap left out: zones of A that B lacks (a loss, or expected in another
  /// nation), zones of B not in A (record it in the run's report).
  public let account: RunAccount

  /// The zones both crosswalks split (weights other than a single 1 in each).
  public static func doublySplitZones(a: Crosswalk, b: Crosswalk) -> [Int32] {
    (0..<Int32(a.zones.count)).filter { z in
      guard let other = b.zones.find(a.zones.code(z)) else { return false }
      return a.entries(ofZone: z).count > 1 && b.entries(ofZone: other).count > 1
    }
  }

  /// The overlap of `a` and `b` over `a`'s zones with `population` (read against `a`).
  ///
  /// - Parameters:
  ///   - splits: for zones both crosswalks split, the share of the zone in each piece (A id,
  ///     B id, share; shares summing to 1), e.g. from the areas of the pieces.
  /// - Throws: ``Refusal`` naming the zones both split and `splits` does not cover (its account
  ///   names them all).
  public init(a: Crosswalk, b: Crosswalk, population: ZonePopulation, splits: [String: [(a: String, b: String, share: Double)]] = [:]) throws {
    let aOrder = Self.order(a.footprints.codes), bOrder = Self.order(b.footprints.codes)
    var aPosition = [Int](repeating: 0, count: a.footprints.count), bPosition = [Int](repeating: 0, count: b.footprints.count)
    for (k, f) in aOrder.enumerated() { aPosition[f] = k }
    for (k, f) in bOrder.enumerated() { bPosition[f] = k }
    let columns = bOrder.count
    var matrix = [Double](repeating: 0, count: aOrder.count * columns)
    var refused: [String] = []
    var missing: [String: (rows: Int, amount: Double)] = [:]
    var otherNation: [String: (rows: Int, amount: Double)] = [:]
    let classifier = ZoneCodeClassifier(entity: b.zoneLookup.entity)
    for z in 0..<Int32(a.zones.count) {
      let code = a.zones.code(z)
      let pop = population.values[Int(z)]
      guard let other = b.zones.find(code) else {
        // B covering one nation only is expected; a zone of B's own nation missing is not.
        if classifier.classify(code) == .otherNation { otherNation[code] = (1, pop) } else { missing[code] = (1, pop) }
        continue
      }
      let aEntries = a.entries(ofZone: z), bEntries = b.entries(ofZone: other)
      if aEntries.count > 1 && bEntries.count > 1 {
        guard let pieces = splits[code] else {
          refused.append(code)
          continue
        }
        for piece in pieces {
          guard let fa = a.footprints.find(piece.a), let fb = b.footprints.find(piece.b) else { continue }
          matrix[aPosition[Int(fa)] * columns + bPosition[Int(fb)]] += pop * piece.share
        }
        continue
      }
      for i in aEntries {
        for j in bEntries {
          matrix[aPosition[Int(a.entryFootprint[i])] * columns + bPosition[Int(b.entryFootprint[j])]] += pop * a.entryWeight[i] * b.entryWeight[j]
        }
      }
    }
    var account = RunAccount()
    if !refused.isEmpty {
      // The error shows the first codes; its account keeps them all.
      account.warn("\(refused.count) zones are split by both crosswalks (refused)", codes: refused)
      throw Refusal(zones: refused, account: account)
    }
    account.lose(Tally(reason: "zones of A that B does not have (population not in the overlap)", unit: "population", destination: "not counted", byCode: missing))
    account.exclude(Tally(reason: "zones of A in another nation that B does not have", unit: "population", destination: "not counted", byCode: otherNation))
    let bOnly = (0..<Int32(b.zones.count)).map { b.zones.code($0) }.filter { a.zones.find($0) == nil }
    if !bOnly.isEmpty {
      account.warn("\(bOnly.count) zones of B are not in A and are left out", codes: bOnly)
    }
    aIDs = aOrder.map { a.footprints.code(Int32($0)) }
    bIDs = bOrder.map { b.footprints.code(Int32($0)) }
    aNames = aOrder.map { a.footprintNames[$0] }
    bNames = bOrder.map { b.footprintNames[$0] }
    self.matrix = matrix
    var pa = [Double](repeating: 0, count: aOrder.count), pb = [Double](repeating: 0, count: columns)
    for i in 0..<aOrder.count {
      for j in 0..<columns {
        pa[i] += matrix[i * columns + j]
        pb[j] += matrix[i * columns + j]
      }
    }
    aPopulation = pa
    bPopulation = pb
    self.account = account
  }

  /// Footprint indices in byte order of their codes, UNALLOCATED last.
  static func order(_ codes: [String]) -> [Int] {
    codes.indices.sorted { x, y in
      let ux = codes[x] == Crosswalk.unallocated, uy = codes[y] == Crosswalk.unallocated
      return ux != uy ? uy : codes[x].utf8.lexicographicallyPrecedes(codes[y].utf8)
    }
  }

  /// M[a][b].
  @inlinable public func population(_ a: Int, _ b: Int) -> Double { matrix[a * bIDs.count + b] }

  /// M/P(a), M/P(b) and M/(P(a) + P(b) − M) (0 where the denominator is 0).
  public func measures(_ a: Int, _ b: Int) -> (covAToB: Double, covBToA: Double, jaccard: Double) {
    let m = population(a, b), pa = aPopulation[a], pb = bPopulation[b]
    return (pa > 0 ? m / pa : 0, pb > 0 ? m / pb : 0, pa + pb - m > 0 ? m / (pa + pb - m) : 0)
  }

  /// Whether either layer names its footprints (then the tables carry `a_name`/`b_name`).
  public var hasNames: Bool { aNames.contains { !$0.isEmpty } || bNames.contains { !$0.isEmpty } }

  /// `a_id,b_id,population,cov_a_to_b,cov_b_to_a,jaccard`: one row per pair with population > 0;
  /// `a_name` and `b_name` after their ids when either layer has names.
  public func csv(numbers: NumberFormat = .readable, byteOrderMark: Bool = false) -> CSVWriter {
    let named = hasNames
    var out = CSVWriter(
      header: named
        ? ["a_id", "a_name", "b_id", "b_name", "population", "cov_a_to_b", "cov_b_to_a", "jaccard"]
        : ["a_id", "b_id", "population", "cov_a_to_b", "cov_b_to_a", "jaccard"],
      byteOrderMark: byteOrderMark)
    for a in aIDs.indices {
      for b in bIDs.indices where population(a, b) > 0 {
        let m = measures(a, b)
        let pair = named ? [aIDs[a], aNames[a], bIDs[b], bNames[b]] : [aIDs[a], bIDs[b]]
        out.append(pair + [numbers.people(population(a, b)), numbers.ratio(m.covAToB), numbers.ratio(m.covBToA), numbers.ratio(m.jaccard)])
      }
    }
    return out
  }

  /// The wide matrix: `a_id`, one column per B footprint, then `total` (P(a)); a last row
  /// `total` (P(b)). With names, `a_name` follows `a_id` (column headers stay B's ids; pandas:
  /// `index_col=[0, 1]`). Totals are summed exactly, then rounded.
  public func matrixCSV(numbers: NumberFormat = .readable, byteOrderMark: Bool = false) -> CSVWriter {
    let named = hasNames
    var out = CSVWriter(header: ["a_id"] + (named ? ["a_name"] : []) + bIDs + ["total"], byteOrderMark: byteOrderMark)
    for a in aIDs.indices {
      out.append([aIDs[a]] + (named ? [aNames[a]] : []) + bIDs.indices.map { numbers.people(population(a, $0)) } + [numbers.people(aPopulation[a])])
    }
    var total = 0.0
    for v in aPopulation { total += v }
    out.append(["total"] + (named ? [""] : []) + bPopulation.map { numbers.people($0) } + [numbers.people(total)])
    return out
  }

  /// Per A footprint: its best-matching B (largest M; ties to the lowest id), both coverages of
  /// that pair, how many B hold at least `minCoverage` of a, and whether a and its best match
  /// are coterminous (both coverages ≥ `coterminous`).
  /// With names, `a_name` follows `a_id` and `best_b_name` follows `best_b_id`.
  public func summaryCSV(minCoverage: Double, coterminous: Double, numbers: NumberFormat = .readable, byteOrderMark: Bool = false) -> CSVWriter {
    let named = hasNames
    var header = ["a_id", "population", "best_b_id", "cov_a_to_b", "cov_b_to_a", "b_over_min_coverage", "coterminous"]
    if named {
      header.insert("best_b_name", at: 3)
      header.insert("a_name", at: 1)
    }
    var out = CSVWriter(header: header, byteOrderMark: byteOrderMark)
    for a in aIDs.indices {
      guard let best = bestMatch(a) else {
        out.append([aIDs[a]] + (named ? [aNames[a]] : []) + [numbers.people(aPopulation[a]), ""] + (named ? [""] : []) + ["", "", "0", "false"])
        continue
      }
      let m = measures(a, best)
      let spread = bIDs.indices.filter { measures(a, $0).covAToB >= minCoverage && population(a, $0) > 0 }.count
      var fields = [
        aIDs[a], numbers.people(aPopulation[a]), bIDs[best], numbers.ratio(m.covAToB), numbers.ratio(m.covBToA), String(spread),
        m.covAToB >= coterminous && m.covBToA >= coterminous ? "true" : "false",
      ]
      if named {
        fields.insert(bNames[best], at: 3)
        fields.insert(aNames[a], at: 1)
      }
      out.append(fields)
    }
    return out
  }

  /// A footprint `a`'s best-matching B footprint: the one sharing most residents with it (ties
  /// to the lowest id), nil when it shares none.
  public func bestMatch(_ a: Int) -> Int? {
    var best = -1
    for b in bIDs.indices where population(a, b) > 0 && (best < 0 || population(a, b) > population(a, best)) { best = b }
    return best >= 0 ? best : nil
  }

  /// cov_a_to_b as an A → B crosswalk (A's footprints as zones): the population-weighted
  /// crosswalk between two layers built from finer zones. An A footprint with no population
  /// goes wholly to UNALLOCATED (a warning in the account returned with it).
  public func crosswalk() throws -> (crosswalk: Crosswalk, account: RunAccount) {
    var account = RunAccount()
    var builder = CrosswalkBuilder(source: "overlap")
    var empty: [String: (rows: Int, amount: Double)] = [:]
    for a in aIDs.indices where aIDs[a] != Crosswalk.unallocated {
      guard aPopulation[a] > 0 else {
        builder.add(zone: aIDs[a], footprint: nil, weight: 1)
        empty[aIDs[a]] = (1, 0)
        continue
      }
      for b in bIDs.indices where population(a, b) > 0 {
        builder.add(zone: aIDs[a], footprint: bIDs[b] == Crosswalk.unallocated ? nil : bIDs[b], weight: measures(a, b).covAToB)
      }
    }
    if !empty.isEmpty {
      account.warn("\(empty.count) A footprints have no population, so no population-weighted split: written wholly UNALLOCATED", codes: empty.keys.sorted())
    }
    return (try builder.build(method: "population-overlap"), account)
  }
}
