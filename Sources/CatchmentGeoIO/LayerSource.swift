import CatchmentGeometry
import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reads boundary layers from one or more paths: files, directories or glob patterns.
///
/// ONS national sets often come split into hundreds of files (one per local authority); they
/// are merged into one layer in a fixed order (paths as given; inside a directory or glob,
/// files sorted by name). All files must share one CRS; transforming is the engine's job.
public enum LayerSource {
  /// Boundary file extensions read from directories.
  static let extensions: Set<String> = ["geojson", "json", "shp", "gpkg"]

  /// The merged layer, one summary per file, and the ids seen more than once.
  public struct Result: Sendable {
    public var layer: PolygonLayer
    public var files: [LayerReadSummary]
    /// Ids that occur in more than one feature, with their counts, in first-seen order.
    public var duplicateIDs: [(id: String, count: Int)]
  }

  /// Reads and merges every boundary file that `paths` name.
  ///
  /// - Throws: ``GeoIOError`` for a path that matches nothing, an unsupported format, a
  ///   reading error, or files in different CRSs.
  /// - Parameter layer: the layer to read from GeoPackages holding several (`--layer`).
  public static func read(paths: [String], fields: BoundaryFields, layer gpkgLayer: String? = nil) throws -> Result {
    let files = try expand(paths)
    // Files are parsed on all cores at once, then merged in the order given, so the layer is
    // the same whatever the scheduling.
    let parsed = try readAll(files, fields: fields, layer: gpkgLayer)
    var layer = PolygonLayer(crs: .unknown)
    var summaries: [LayerReadSummary] = []
    var firstFileOfCRS = ""
    for (file, (part, summary)) in zip(files, parsed) {
      summaries.append(summary)
      if summaries.count == 1 {
        layer.crs = part.crs
        firstFileOfCRS = file
      } else if part.crs != layer.crs {
        throw GeoIOError(file: file, reason: "its CRS (\(part.crs)) differs from \(firstFileOfCRS)'s (\(layer.crs)); read them separately")
      }
      // In place: a copy here would copy the whole merged layer once per file.
      layer.append(contentsOf: part)
    }
    var counts: [String: Int] = [:]
    var order: [String] = []
    for id in layer.ids {
      if counts[id] == nil { order.append(id) }
      counts[id, default: 0] += 1
    }
    let duplicates = order.filter { counts[$0]! > 1 }.map { (id: $0, count: counts[$0]!) }
    return Result(layer: layer, files: summaries, duplicateIDs: duplicates)
  }

  /// Parses `files` concurrently; results in file order, or the first file's error.
  static func readAll(_ files: [String], fields: BoundaryFields, layer: String?) throws -> [(PolygonLayer, LayerReadSummary)] {
    final class Slots: @unchecked Sendable {
      var results: [Swift.Result<(PolygonLayer, LayerReadSummary), Error>?]
      let lock = NSLock()
      init(_ n: Int) { results = Array(repeating: nil, count: n) }
    }
    let slots = Slots(files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { k in
      let result = Swift.Result { try readOne(files[k], fields: fields, layer: layer) }
      slots.lock.withLock { slots.results[k] = result }
    }
    return try slots.results.map { try $0!.get() }
  }

  static func readOne(_ file: String, fields: BoundaryFields, layer: String? = nil) throws -> (PolygonLayer, LayerReadSummary) {
    countRead(file)
    switch (file as NSString).pathExtension.lowercased() {
    case "geojson", "json": return try GeoJSONReader.read(path: file, fields: fields)
    case "shp": return try ShapefileReader.read(path: file, fields: fields)
    case "gpkg": return try GeoPackageReader.read(path: file, fields: fields, layer: layer)
    default:
      throw GeoIOError(file: file, reason: "unknown boundary format; expected .geojson, .json, .shp or .gpkg")
    }
  }

  /// The files that `paths` name, in order, without repeats: a file as it is, a directory's
  /// boundary files (by extension) sorted by name, a glob's matches sorted.
  ///
  /// - Throws: ``GeoIOError`` for a path that matches nothing or a directory without boundary
  ///   files.
  public static func expand(_ paths: [String]) throws -> [String] {
    var files: [String] = []
    var seen = Set<String>()
    func add(_ file: String) { if seen.insert(file).inserted { files.append(file) } }
    for path in paths {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
        if isDirectory.boolValue {
          let names = try FileManager.default.contentsOfDirectory(atPath: path)
            .filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted()
          guard !names.isEmpty else { throw GeoIOError(file: path, reason: "the directory holds no .geojson, .json, .shp or .gpkg file") }
          for name in names { add((path as NSString).appendingPathComponent(name)) }
        } else {
          add(path)
        }
        continue
      }
      let matches = glob(path)
      guard !matches.isEmpty else { throw GeoIOError(file: path, reason: "file not found (and no file matches it as a pattern)") }
      for match in matches { add(match) }
    }
    guard !files.isEmpty else { throw GeoIOError(file: paths.joined(separator: " "), reason: "no boundary file given") }
    return files
  }

  /// Files matching a shell pattern, sorted.
  static func glob(_ pattern: String) -> [String] {
    #if canImport(Glibc)
      var result = glob_t()
      defer { globfree(&result) }
      guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
      return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    #else
      return []
    #endif
  }
}
