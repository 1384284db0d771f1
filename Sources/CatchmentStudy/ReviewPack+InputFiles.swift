import CatchmentInputs
import CatchmentTables
import Foundation

/// The files behind each input of a pack, for the manifest: a folder's or a glob's boundary
/// files one by one, their paths as the study would write them, and the rows of tables whose
/// reader reports none.
extension ReviewPack {
  /// The files an input path names, each with its path as the manifest records it: a file as
  /// written in the study; a folder's or a glob's boundary files (as the layer readers expand
  /// them) relative to the study file's folder (absolute when the study wrote an absolute path).
  ///
  /// - Throws: ``FileDigestError`` when the folder or glob matches nothing (the review has then
  ///   failed already, reading it).
  static func files(of path: StudyPath, studyFolder: URL) throws(FileDigestError) -> [(url: URL, given: String)] {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path.url.path, isDirectory: &isFolder), !isFolder.boolValue {
      return [(path.url, path.given)]
    }
    let matched: [String]
    do {
      matched = try BoundaryFiles.expand([path.url.path])
    } catch {
      throw FileDigestError(path: path.given, reason: "\(error)")
    }
    return matched.map { file in
      let url = URL(fileURLWithPath: file).standardizedFileURL
      return (url, path.given.hasPrefix("/") ? url.path : relativePath(of: url, to: studyFolder))
    }
  }

  /// The data rows of a CSV table (blank lines and the header excluded) whose reader records
  /// none in the report and whose step gave none (``Input/rowsRead``; provider names): counted
  /// as its reader reads every row. Nil for a file that is not a table (`.csv`, `.txt`) or cannot
  /// be read (the review has then failed already).
  static func rows(ofTable file: URL, hasHeader: Bool) -> Int? {
    guard ["csv", "txt"].contains(file.pathExtension.lowercased()) else { return nil }
    guard let reader = try? CSVReader(path: file.path, hasHeader: hasHeader) else { return nil }
    guard (try? reader.forEachRecord { _ in }) != nil else { return nil }
    return reader.recordsRead
  }

  /// `file`'s path from `folder`, with `..` where it lies outside: `zones/a.shp`, `../b/c.shp`.
  static func relativePath(of file: URL, to folder: URL) -> String {
    let target = file.standardizedFileURL.pathComponents
    let base = folder.standardizedFileURL.pathComponents
    var common = 0
    while common < base.count, common < target.count - 1, target[common] == base[common] { common += 1 }
    return (Array(repeating: "..", count: base.count - common) + target[common...]).joined(separator: "/")
  }
}
