import ArgumentParser
import CatchmentAnalysis
import Foundation

/// The order of the practice placement sources, as `--practice-placement` gives it.
struct PlacementOrder: ExpressibleByArgument {
  var sources: [PlacementSource]

  init(sources: [PlacementSource]) { self.sources = sources }

  init?(argument: String) {
    let parts = argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    let sources = parts.compactMap { PlacementSource(rawValue: $0) }
    guard sources.count == parts.count, (1...2).contains(sources.count), Set(sources).count == sources.count else { return nil }
    self.sources = sources
  }

  var defaultValueDescription: String { sources.map(\.rawValue).joined(separator: ",") }
  static var allValueStrings: [String] { ["map,postcode", "postcode,map", "map", "postcode"] }
}
