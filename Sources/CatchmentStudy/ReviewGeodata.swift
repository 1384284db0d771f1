import CatchmentAnalysis
import CatchmentCore
import CatchmentGeoIO
import CatchmentGeometry
import CatchmentInputs
import Foundation

/// The review's footprints with their measures as geodata (`catchment review --gpkg`,
/// `--geojson`), built from the values the pack's tables were written from
/// (``ReviewResults``) and the drawn footprints (`footprints_<layer>.geojson`).
///
/// One table per drawn layer, named after the layer, one feature per footprint (byte order of
/// the ids), in the working CRS (EPSG:27700), with the columns:
/// - `footprint_id`, `footprint_name` (TEXT);
/// - `population` (REAL): residents, P(f) = Σ w(z,f)·pop(z), as `population_<layer>.csv`;
///   NULL without `[population]`;
/// - for the baseline, from `flow_summary_<baseline>.csv` (NULL for other layers, without flows,
///   or for a footprint no patient lives or registers in): `registered_list`, `retained`,
///   `retention` = retained / registered residents, `capture` = retained / registered list,
///   `inflow`, `outflow`, `net` = inflow − outflow, `list_inflation` = registered residents /
///   residents (REAL; retention, capture and list inflation NULL when their denominator is 0);
/// - for the baseline, from `overlap_summary_<baseline>_<councils>.csv`: `best_council_id`,
///   `best_council_name` (TEXT), `council_coverage` = the share of the footprint's residents
///   living in that council (cov_a_to_b) and `council_covered` = the share of the council's
///   residents in the footprint (cov_b_to_a) (REAL); NULL for other layers, without councils or
///   `[population]`, or for a footprint sharing no residents with any council.
///
/// And the table `zones`: one feature per entry of the baseline's crosswalk (a zone split
/// between footprints appears once per footprint), with the zone's polygon (NULL when it has
/// none), `zone_id`, `footprint_id`, `footprint_name` (TEXT) and `weight` (REAL).
extension ReviewPack {
  /// Every table, drawn layers first (in layer order), then `zones` when the zone polygons are
  /// known.
  public func geodataTables(study: Study) -> [FeatureTable] {
    var tables = results.footprints.map { footprintTable(layer: $0.layer, polygons: $0.polygons, study: study) }
    if let zones = zonesTable() { tables.append(zones) }
    return tables
  }

  /// The GeoPackage of ``geodataTables(study:)``; `runAt` (the manifest's run time) is every
  /// layer's `last_change`, so the same study gives the same bytes at the same run time.
  ///
  /// - Throws: ``ReviewError/noFootprintPolygons`` when nothing was drawn (no `[zones]` and no
  ///   polygon layer); the writer's errors.
  public func geoPackage(study: Study, runAt: Date) throws -> [UInt8] {
    guard !results.footprints.isEmpty else { throw ReviewError.noFootprintPolygons(layer: nil) }
    return try GeodataFiles.geoPackage(geodataTables(study: study), lastChange: runAt)
  }

  /// The baseline's table as RFC 7946 GeoJSON (WGS 84 longitude, latitude; 7 decimals).
  ///
  /// - Throws: ``ReviewError/noFootprintPolygons`` when the baseline was not drawn.
  public func geoJSON(study: Study) throws -> [UInt8] {
    let baseline = study.review.baseline
    guard let drawn = results.footprints.first(where: { $0.layer == baseline }) else {
      throw ReviewError.noFootprintPolygons(layer: baseline)
    }
    return try GeodataFiles.rfc7946(footprintTable(layer: drawn.layer, polygons: drawn.polygons, study: study))
  }

  /// The measure columns of a footprint table, in order, after `footprint_id` and
  /// `footprint_name`.
  static let measureColumns: [FeatureTable.Column] = [
    .init("population", .real), .init("registered_list", .real), .init("retained", .real), .init("retention", .real), .init("capture", .real),
    .init("inflow", .real), .init("outflow", .real), .init("net", .real), .init("list_inflation", .real),
    .init("best_council_id", .text), .init("best_council_name", .text), .init("council_coverage", .real),
    .init("council_covered", .real),
  ]

  func footprintTable(layer: String, polygons: PolygonLayer, study: Study) -> FeatureTable {
    let isBaseline = layer == study.review.baseline
    let population = results.populations[layer]
    let flows = isBaseline ? results.flows : nil
    let flowRows = Dictionary((flows?.rows ?? []).map { ($0.footprint, $0) }, uniquingKeysWith: { a, _ in a })
    let overlap = isBaseline ? results.councilOverlap : nil
    let overlapIndex = Dictionary((overlap?.aIDs ?? []).enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    let real = FootprintGeodata.real
    return FootprintGeodata.footprintTable(name: layer, polygons: polygons, columns: Self.measureColumns) { id in
      var row: [FeatureTable.Value] = [real(population.map { $0.population(of: id) ?? 0 })]
      if let r = flowRows[id] {
        row += [
          real(r.registeredList), real(r.retained), real(r.retention), real(r.capture), real(r.inflow), real(r.outflow), real(r.net),
          real(r.listInflation),
        ]
      } else {
        row += Array(repeating: .null, count: 8)
      }
      if let overlap, let a = overlapIndex[id], let b = overlap.bestMatch(a) {
        let m = overlap.measures(a, b)
        row += [.text(overlap.bIDs[b]), .text(overlap.bNames.indices.contains(b) ? overlap.bNames[b] : ""), real(m.covAToB), real(m.covBToA)]
      } else {
        row += Array(repeating: .null, count: 4)
      }
      return row
    }
  }

  /// The `zones` table (nil without zone polygons or a baseline crosswalk).
  func zonesTable() -> FeatureTable? {
    guard let zones = results.zones, let crosswalk = results.baseline else { return nil }
    return FootprintGeodata.zonesTable(zones: zones, crosswalk: crosswalk)
  }
}
