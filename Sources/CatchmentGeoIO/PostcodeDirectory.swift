import CatchmentGeometry
import CatchmentTables
import Foundation

/// Postcode → point, from a postcode directory, for the postcodes asked for only.
///
/// Layouts read (columns by name when the file has a header, else by position):
/// - ONSPD / NSPL (ONS, with a header): postcode `pcds` (or `pcd`, `pcd7`, `pcd8`, `postcode`),
///   easting `oseast1m`, northing `osnrth1m` (British National Grid, EPSG:27700);
/// - OS Code-Point Open (no header; one file per postcode area): column 1 postcode,
///   3 eastings, 4 northings (EPSG:27700);
/// - any other CSV with `--postcode-x/--postcode-y` columns and a CRS.
/// Postcodes are normalised before matching, upper case with spaces removed, because
/// directories space them differently (`B1  1AY`, `B1 1AY`).
public enum PostcodeDirectory {
  /// Where the columns are: names (header) or 1-based positions (no header).
  public struct Layout: Sendable, Equatable {
    public var postcode: String
    public var x: String
    public var y: String
    public init(postcode: String, x: String, y: String) {
      self.postcode = postcode
      self.x = x
      self.y = y
    }
  }

  /// `B1  1ay` → `B11AY`.
  public static func normalise(_ postcode: String) -> String {
    String(postcode.uppercased().unicodeScalars.filter { $0 != " " && $0 != "\t" && $0 != "\u{A0}" }.map(Character.init))
  }

  /// Points of the `wanted` (normalised) postcodes found in `paths` (files or directories of
  /// .csv), in `crs`. A layout of nil detects ONSPD/NSPL headers, else Code-Point Open.
  ///
  /// - Throws: ``CatchmentTables/TableError`` for unreadable files or bad coordinates of a
  ///   wanted postcode.
  public static func lookUp(
    _ wanted: Set<String>, in paths: [String], layout: Layout?, crs: CRSReference
  ) throws -> (points: [String: (x: Double, y: Double)], rowsRead: Int, files: Int) {
    var found: [String: (x: Double, y: Double)] = [:]
    var rows = 0
    let files = try csvFiles(paths)
    for file in files {
      let headed = try hasHeader(file, layout: layout)
      let reader = try CSVReader(path: file, hasHeader: headed)
      let columns: (Int, Int, Int)
      if headed {
        let l = layout ?? Layout(postcode: "pcds", x: "oseast1m", y: "osnrth1m")
        let postcodeNames = layout == nil ? ["pcds", "pcd", "pcd7", "pcd8", "postcode"] : [l.postcode]
        columns = (
          try reader.column(namedAnyOf: postcodeNames, role: "postcode"), try reader.column(named: l.x, role: "postcode x"),
          try reader.column(named: l.y, role: "postcode y")
        )
      } else {
        let l = layout ?? Layout(postcode: "1", x: "3", y: "4")
        guard let p = Int(l.postcode), let x = Int(l.x), let y = Int(l.y), p > 0, x > 0, y > 0 else {
          throw TableError(file: file, reason: "the file has no header row: give the postcode, x and y columns as 1-based positions")
        }
        columns = (p - 1, x - 1, y - 1)
      }
      while let record = try reader.next() {
        rows += 1
        let code = normalise(record[columns.0].trimmedString)
        guard wanted.contains(code), found[code] == nil else { continue }
        let x = try record.number(at: columns.1, column: "x"), y = try record.number(at: columns.2, column: "y")
        found[code] = (x, y)
      }
    }
    return (found, rows, files.count)
  }

  /// True when the first line looks like a header (names, not a postcode and numbers).
  static func hasHeader(_ file: String, layout: Layout?) throws -> Bool {
    if let layout, Int(layout.postcode) != nil, Int(layout.x) != nil { return false }
    let reader = try CSVReader(path: file, hasHeader: true)
    let names = reader.header.map { $0.lowercased() }
    if layout != nil { return true }
    return names.contains { ["pcds", "pcd", "pcd7", "pcd8", "postcode"].contains($0) }
  }

  static func csvFiles(_ paths: [String]) throws -> [String] {
    var files: [String] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw TableError(file: path, reason: "file not found")
      }
      if isDirectory.boolValue {
        let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.lowercased().hasSuffix(".csv") }.sorted()
        files += names.map { (path as NSString).appendingPathComponent($0) }
      } else {
        files.append(path)
      }
    }
    return files
  }
}

/// Unit (practice) codes with their postcodes, e.g. from ODS `epraccur.csv`.
public enum PracticeList {
  /// Reads (code, postcode) pairs. Columns are names when the file has a header, or 1-based
  /// positions when both are numbers (ODS files have no header: `epraccur.csv` column 1 is
  /// the organisation code, 10 the postcode; NHS Digital, *epraccur* file specification).
  public static func read(path: String, code: String, postcode: String) throws -> [(code: String, postcode: String)] {
    let positional = Int(code) != nil && Int(postcode) != nil
    let reader = try CSVReader(path: path, hasHeader: !positional)
    let codeColumn = positional ? Int(code)! - 1 : try reader.column(named: code, role: "practice list code")
    let postcodeColumn = positional ? Int(postcode)! - 1 : try reader.column(named: postcode, role: "practice list postcode")
    var list: [(String, String)] = []
    while let record = try reader.next() {
      let c = record[codeColumn].trimmedString
      guard !c.isEmpty else { throw record.error("the practice code is empty") }
      list.append((c, record[postcodeColumn].trimmedString))
    }
    return list
  }
}
