import CatchmentAnalysis
import CatchmentCore

/// An ONS mid-year population estimate (`Area Codes`, `All Ages`), against the targets'
/// crosswalk and as the source of its own zones.
public enum PopulationFuzz {
  public static func run(_ data: [UInt8]) {
    guard let crosswalk = CSVFuzzSupport.crosswalk else { return }
    let path = ScratchFiles.write(data, as: "population.csv")
    let columns = PopulationColumns(id: "Area Codes", value: "All Ages")
    _ = try? ZonePopulation.read(path: path, columns: columns, crosswalk: crosswalk)
    if let zones = try? ZonePopulation.zones(inTable: path, columns: columns) {
      _ = try? ZonePopulation.read(
        path: path, columns: columns, zones: zones, lookup: ZoneLookup(zones: zones), of: "the table")
    }
  }
}
