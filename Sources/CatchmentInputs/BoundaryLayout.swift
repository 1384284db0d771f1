import CatchmentGeoIO

/// The code and name fields of a boundary file (GeoJSON, Shapefile, GeoPackage), picked from
/// its attribute names: a zone layer (`LSOA21CD`) or a footprint layer (`ICB23CD`,
/// `FOOTPRINT_ID`).
public struct BoundaryLayout: Equatable, Sendable {
  /// The code field chosen.
  public var id: String
  /// Its name field, if any.
  public var name: String?
  /// The level the code field names (`lsoa`, `icb`, `footprint`).
  public var level: String
  /// Other fields that could be the code, for the analyst to check.
  public var otherIDs: [String]

  /// Whether the features are zones (LSOA, MSOA, OA, data zones) rather than footprints.
  public var isZones: Bool { PublishedLayout.zoneLevels.contains(level) }

  public init(id: String, name: String?, level: String, otherIDs: [String] = []) {
    self.id = id
    self.name = name
    self.level = level
    self.otherIDs = otherIDs
  }

  /// Picks the code field among `fields`: the `…CD`/`…_code` fields first (a zone code before
  /// others), then `…_ID`/`id`/`code` fields; its name field has the same stem
  /// (`ICB23CD` → `ICB23NM`, `FOOTPRINT_ID` → `FOOTPRINT_NAME`).
  ///
  /// - Returns: nil when no field looks like a code.
  public static func pick(fields: [String]) -> BoundaryLayout? {
    var candidates: [(field: String, level: String)] = fields.compactMap { f in PublishedLayout.codeLevel(f).map { (f, $0) } }
    candidates.sort { a, b in
      PublishedLayout.zoneLevels.contains(a.level) && !PublishedLayout.zoneLevels.contains(b.level)
    }
    for f in fields where !candidates.contains(where: { $0.field == f }) {
      let c = f.lowercased()
      if c == "id" || c == "code" { candidates.append((f, c)) } else if c.hasSuffix("_id"), let level = PublishedLayout.levelName(String(c.dropLast(3))) {
        candidates.append((f, level))
      }
    }
    guard let chosen = candidates.first else { return nil }
    let stem = chosen.field.lowercased().hasSuffix("_id") ? String(chosen.field.dropLast(3)) : nil
    let name =
      fields.first { PublishedLayout.nameLevel($0) == chosen.level && $0 != chosen.field }
      ?? stem.flatMap { s in fields.first { $0.lowercased() == s.lowercased() + "_name" } }
      ?? fields.first { $0.lowercased() == "name" }
    return BoundaryLayout(id: chosen.field, name: name, level: chosen.level, otherIDs: candidates.dropFirst().map(\.field))
  }

  /// Reads the attribute names of the file at `path` and picks the code field.
  ///
  /// - Throws: ``GeoIOError`` when the file cannot be read.
  public static func read(path: String) throws -> BoundaryLayout? {
    pick(fields: try BoundaryAttributes.fieldNames(path: path))
  }
}
