import Foundation

/// The path of `file` relative to `folder` (`../data/x.csv`), as a study file writes its inputs;
/// both are standardised first.
func relativePath(of file: URL, from folder: URL) -> String {
  let target = file.standardizedFileURL.pathComponents
  let base = URL(fileURLWithPath: folder.path, isDirectory: true).standardizedFileURL.pathComponents
  var common = 0
  while common < min(target.count, base.count) && target[common] == base[common] { common += 1 }
  let up = Array(repeating: "..", count: base.count - common)
  let parts = up + target[common...]
  return parts.joined(separator: "/")
}
