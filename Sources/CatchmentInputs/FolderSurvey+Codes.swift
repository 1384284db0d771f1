import CatchmentGeoIO
import CatchmentTables
import Foundation

extension FolderSurvey {
  /// The distinct codes of one column of a file of the folder, over the whole file: a CSV
  /// column, or a boundary file's code field (its features' ids). The study drafter compares
  /// them with the registrations' zone codes to tell which vintage a file is keyed by.
  ///
  /// A file that cannot be read gives no codes (the drafter then prefers the others; reading
  /// it for the study proper names the error).
  public static func codes(path: String, column: String) -> Set<String> {
    let ext = (path as NSString).pathExtension.lowercased()
    if boundaryExtensions.contains(ext) {
      guard let read = try? LayerSource.read(paths: [path], fields: BoundaryFields(id: column, readsGeometry: false)) else { return [] }
      return Set(read.layer.ids)
    }
    guard let reader = try? CSVReader(path: path), let index = reader.index(of: column) else { return [] }
    var seen = Set<String>()
    try? reader.forEachRecord { record in
      guard record.has(index) else { return }
      seen.insert(record[index].withUnescapedBytes { String(decoding: $0, as: UTF8.self) })
    }
    return seen
  }
}
