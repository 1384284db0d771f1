import CatchmentAnalysis
import CatchmentCore
import CatchmentGeoIO
import CatchmentGeometry

/// The geodata of the single commands (`crosswalk`, `flows`, `overlap`, `propose` with `--gpkg`
/// or `--geojson`): the drawn footprints (``FootprintPolygons``) with the measures the command's
/// CSVs hold, and the `zones` table when the zone polygons are known. The table of footprints is
/// named `footprints`.
///
/// A footprint with measures but no polygon (UNALLOCATED, or a code the polygons lack) is not
/// in the geodata: each constructor's account says which (it stays in the command's CSVs).
extension FootprintGeodata {
  /// The crosswalk measures of a footprint, the columns `zones` (INTEGER: zones with a weight
  /// > 0 on the footprint), `zone_weight` (REAL: Σz w(z,f), the zones' equivalent in whole
  /// zones) and `population` (REAL: P(f) = Σz w(z,f)·pop(z) as `catchment populations` gives
  /// it; NULL without a population).
  static let crosswalkColumns: [FeatureTable.Column] = [.init("zones", .integer), .init("zone_weight", .real), .init("population", .real)]

  static func crosswalkMeasures(_ crosswalk: Crosswalk, population: ResidentPopulation?) -> [String: [FeatureTable.Value]] {
    var zones = [Int64](repeating: 0, count: crosswalk.footprints.count)
    var weight = [Double](repeating: 0, count: crosswalk.footprints.count)
    for (e, footprint) in crosswalk.entryFootprint.enumerated() where crosswalk.entryWeight[e] > 0 {
      zones[Int(footprint)] += 1
      weight[Int(footprint)] += crosswalk.entryWeight[e]
    }
    var out: [String: [FeatureTable.Value]] = [:]
    for f in 0..<crosswalk.footprints.count {
      let code = crosswalk.footprints.code(Int32(f))
      out[code] = [.integer(zones[f]), .real(weight[f]), real(population.map { $0.population(of: code) ?? 0 })]
    }
    return out
  }

  /// `catchment crosswalk` and `catchment propose`: each footprint's `zones`, `zone_weight`
  /// and `population` (`population` the residents over `crosswalk`, nil without `--population`)
  /// from `crosswalk` (the built one, or the proposal's), and the zones table of `crosswalk`
  /// when `polygons` has the zone polygons.
  public static func crosswalk(_ crosswalk: Crosswalk, polygons: FootprintPolygons, population: ResidentPopulation?) -> (
    geodata: FootprintGeodata, account: RunAccount
  ) {
    build(polygons: polygons, crosswalk: crosswalk, columns: crosswalkColumns, measures: crosswalkMeasures(crosswalk, population: population))
  }

  /// `catchment flows`: each footprint's row of `summary` (as `--summary-output` writes it):
  /// `population` (resident population, NULL without `--population`), `resident_registered`,
  /// `registered_list`, `retained`, `retention`, `capture`, `inflow`, `outflow`, `net` and
  /// `list_inflation` (REAL; a ratio NULL when its denominator is 0); NULLs for a footprint no
  /// patient lives or registers in. The zones table is the residence crosswalk's.
  public static func flows(_ summary: FlowSummary, crosswalk: Crosswalk, polygons: FootprintPolygons) -> (geodata: FootprintGeodata, account: RunAccount) {
    let columns: [FeatureTable.Column] = [
      "population", "resident_registered", "registered_list", "retained", "retention", "capture", "inflow", "outflow", "net", "list_inflation",
    ].map { .init($0, .real) }
    var measures: [String: [FeatureTable.Value]] = [:]
    for r in summary.rows {
      measures[r.footprint] = [
        real(r.residentPopulation), real(r.residentRegistered), real(r.registeredList), real(r.retained), real(r.retention), real(r.capture),
        real(r.inflow), real(r.outflow), real(r.net), real(r.listInflation),
      ]
    }
    return build(polygons: polygons, crosswalk: crosswalk, columns: columns, measures: measures)
  }

  /// `catchment overlap`: each A footprint's `population` (P(a), REAL) and, as
  /// `--summary-output` gives them, its best-matching B footprint `best_b_id`, `best_b_name`
  /// (TEXT), the residents they share `shared_population` = M[a][b], `cov_a_to_b` = M/P(a),
  /// `cov_b_to_a` = M/P(b), `jaccard` (REAL) and `coterminous` (INTEGER 1 when both coverages
  /// reach `coterminous`, else 0); NULLs from `best_b_id` on for a footprint sharing no resident
  /// with any B. The zones table is A's crosswalk.
  public static func overlap(_ overlap: FootprintOverlap, a crosswalk: Crosswalk, polygons: FootprintPolygons, coterminous: Double) -> (
    geodata: FootprintGeodata, account: RunAccount
  ) {
    let columns: [FeatureTable.Column] = [
      .init("population", .real), .init("best_b_id", .text), .init("best_b_name", .text), .init("shared_population", .real),
      .init("cov_a_to_b", .real), .init("cov_b_to_a", .real), .init("jaccard", .real), .init("coterminous", .integer),
    ]
    var measures: [String: [FeatureTable.Value]] = [:]
    for a in overlap.aIDs.indices {
      var row: [FeatureTable.Value] = [real(overlap.aPopulation[a])]
      if let b = overlap.bestMatch(a) {
        let m = overlap.measures(a, b)
        let name = overlap.bNames.indices.contains(b) ? overlap.bNames[b] : ""
        row += [
          .text(overlap.bIDs[b]), .text(name), real(overlap.population(a, b)), real(m.covAToB), real(m.covBToA), real(m.jaccard),
          .integer(m.covAToB >= coterminous && m.covBToA >= coterminous ? 1 : 0),
        ]
      } else {
        row += Array(repeating: .null, count: columns.count - 1)
      }
      measures[overlap.aIDs[a]] = row
    }
    return build(polygons: polygons, crosswalk: crosswalk, columns: columns, measures: measures)
  }

  /// The footprints table of `polygons` with `measures` by footprint id (names the polygons
  /// lack taken from `crosswalk`), and the zones table of
  /// `crosswalk` when the zone polygons are known; the account names the footprints with
  /// measures but no polygon.
  static func build(
    polygons: FootprintPolygons, crosswalk: Crosswalk, columns: [FeatureTable.Column], measures: [String: [FeatureTable.Value]]
  ) -> (geodata: FootprintGeodata, account: RunAccount) {
    // A footprint's name from its polygons, else from the crosswalk (own polygons read without
    // a name attribute).
    var layer = polygons.layer
    if layer.names.count < layer.count { layer.names += Array(repeating: "", count: layer.count - layer.names.count) }
    for f in 0..<layer.count where layer.names[f].isEmpty {
      if let code = crosswalk.footprints.find(layer.ids[f]), crosswalk.footprintNames.indices.contains(Int(code)) {
        layer.names[f] = crosswalk.footprintNames[Int(code)]
      }
    }
    let footprints = footprintTable(name: "footprints", polygons: layer, columns: columns) { measures[$0] }
    let zones = polygons.zones.map { zonesTable(zones: $0, crosswalk: crosswalk) }
    var account = RunAccount()
    let drawn = Set(layer.ids)
    let undrawn = measures.keys.filter { !drawn.contains($0) }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    account.figure("geodata: footprints drawn", Double(layer.count))
    if !undrawn.isEmpty {
      account.note("\(undrawn.count) footprints have measures but no polygon: they are in the CSV outputs, not in the geodata", codes: undrawn)
    }
    return (FootprintGeodata(footprints: footprints, zones: zones), account)
  }
}
