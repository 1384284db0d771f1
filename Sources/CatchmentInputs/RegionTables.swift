import CatchmentRegions
import CatchmentTables

/// The tables `regions` writes: the crosswalk of zones to regions, the summary per region and the
/// self-containment curve.
///
/// Numbers: people and flows to 2 decimal places, ratios (self-containment, market share,
/// compactness) to 10 significant digits, areas and perimeters in km to 3 decimal places (a
/// metre); every one exact with `NumberFormat.full`. Empty fields where a measure does not
/// apply (no polygons).
public enum RegionTables {
  /// `zone_id,footprint_id,weight`: each zone of the graph (byte order) in its region, weight 1,
  /// the crosswalk contract every other command reads.
  public static func crosswalk(zoneIDs: [String], regions: Regions, byteOrderMark: Bool = false) -> CSVWriter {
    var table = CSVWriter(header: ["zone_id", "footprint_id", "weight"], byteOrderMark: byteOrderMark)
    for (z, id) in zoneIDs.enumerated() { table.append([id, regions.ids[Int(regions.regionOfZone[z])], "1"]) }
    return table
  }

  /// `region_id,population,zones,units,resident_flow,internal_flow,self_containment,
  /// market_share,parts,area_km2,perimeter_km,compactness`, one row per region in byte order.
  public static func summary(_ summary: RegionSummary, numbers: NumberFormat, byteOrderMark: Bool = false) -> CSVWriter {
    var table = CSVWriter(
      header: [
        "region_id", "population", "zones", "units", "resident_flow", "internal_flow", "self_containment", "market_share", "parts", "area_km2",
        "perimeter_km", "compactness",
      ], byteOrderMark: byteOrderMark)
    for row in summary.rows {
      table.append([
        row.regionID, numbers.people(row.population), String(row.zones), String(row.units), numbers.people(row.residentFlow),
        numbers.people(row.internalFlow), numbers.ratio(row.selfContainment), numbers.ratio(row.marketShare), String(row.parts),
        row.areaKm2.map { kilometres($0, numbers) } ?? "", row.perimeterKm.map { kilometres($0, numbers) } ?? "",
        row.compactness.map { numbers.ratio($0) } ?? "",
      ])
    }
    return table
  }

  /// `regions,self_containment,min_self_containment,mean_self_containment,min_population,
  /// max_population`, one row per K.
  public static func curve(_ points: [CurvePoint], numbers: NumberFormat, byteOrderMark: Bool = false) -> CSVWriter {
    var table = CSVWriter(
      header: ["regions", "self_containment", "min_self_containment", "mean_self_containment", "min_population", "max_population"],
      byteOrderMark: byteOrderMark)
    for p in points {
      table.append([
        String(p.regions), numbers.ratio(p.overallSelfContainment), numbers.ratio(p.minSelfContainment), numbers.ratio(p.meanSelfContainment),
        numbers.people(p.minPopulation), numbers.people(p.maxPopulation),
      ])
    }
    return table
  }

  private static func kilometres(_ value: Double, _ numbers: NumberFormat) -> String {
    numbers.fullPrecision ? NumberFormat.exact(value) : NumberFormat.fixed(value, decimals: 3)
  }
}
