import CatchmentOutputs
import Foundation

/// Stages a table for `path` (`-` for standard output); it is written when the run succeeds
/// (``RunOutputs``: all or nothing).
func write(_ table: CSVWriter, to path: String) throws {
  try RunOutputs.shared.stage(table, to: path)
}

/// Stages `bytes` (GeoJSON, JSON) for `path`; they are written when the run succeeds.
func write(bytes: [UInt8], to path: String) throws {
  try RunOutputs.shared.stage(bytes, to: path)
}

/// Stages the removal of the `.svg` files in `folder` that are not among `kept` (file names): the
/// figures of an earlier report that the new one no longer draws, so that a figures folder
/// always holds one report's figures. Removed only when the run succeeds.
func removeStaleFigures(in folder: String, keeping kept: Set<String>) {
  guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
  for name in names.sorted() where name.hasSuffix(".svg") && !kept.contains(name) {
    RunOutputs.shared.stageRemoval(of: (folder as NSString).appendingPathComponent(name))
  }
}
