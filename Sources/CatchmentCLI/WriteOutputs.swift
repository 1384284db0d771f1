import CatchmentOutputs

/// Stages a table for `path` (`-` for standard output); it is written when the run succeeds
/// (``RunOutputs``: all or nothing).
func write(_ table: CSVWriter, to path: String) throws {
  try RunOutputs.shared.stage(table, to: path)
}

/// Stages `bytes` (GeoJSON, JSON) for `path`; they are written when the run succeeds.
func write(bytes: [UInt8], to path: String) throws {
  try RunOutputs.shared.stage(bytes, to: path)
}
