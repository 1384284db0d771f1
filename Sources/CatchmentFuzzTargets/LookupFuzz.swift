import CatchmentCore

/// An ONS lookup read as a crosswalk (`Crosswalk.fromLookup`), with and without a weight
/// column (the demo lookup's `ObjectId` stands in for one: mostly not in [0, 1]).
public enum LookupFuzz {
  public static func run(_ data: [UInt8]) {
    let path = ScratchFiles.write(data, as: "lookup.csv")
    _ = try? Crosswalk.fromLookup(
      path: path, columns: LookupColumns(zone: "LSOA21CD", footprint: "SICBL23CD", name: "SICBL23NM"))
    _ = try? Crosswalk.fromLookup(
      path: path, columns: LookupColumns(zone: "LSOA21CD", footprint: "ICB23CD", weight: "ObjectId"))
  }
}
