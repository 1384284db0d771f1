import CatchmentCore
import CatchmentStudy
import CatchmentTestSupport
import Foundation
import Testing

/// A review parses each input table once, however many steps use it.
@Suite struct ReadOnceTests {
  /// The demo study on a copy of data/ (so that the paths, and the counts kept by path, are this
  /// test's own): the population (every layer, every overlap, the flows summary, the catchments,
  /// the membership and both sides of the proposal's comparison), the registrations and the
  /// practice map (flows and the comparison), the activity and the provider list (catchments,
  /// membership, comparison), the lookup of three layers, the centroids and the proposal's blocks
  /// are each parsed once.
  @Test func demoReviewParsesEachInputTableOnce() throws {
    let root = try temporaryFolder()
    let data = root.appendingPathComponent("data")
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("data"), to: data)
    let study = try Study(contentsOf: data.appendingPathComponent("demo_study.toml").path)
    _ = try ReviewRun(study: study).run()
    var inputs: [String] = []
    if let p = study.population { inputs.append(p.file.url.path) }
    if let r = study.registrations {
      inputs.append(r.file.url.path)
      if let map = r.practiceMap { inputs.append(map.url.path) }
    }
    if let providers = study.providers {
      inputs.append(providers.activity.url.path)
      if let names = providers.names { inputs.append(names.url.path) }
    }
    if let c = study.zones?.centroids { inputs.append(c.file.url.path) }
    for proposal in study.proposals { inputs.append(proposal.assign.url.path) }
    // The lookup of three layers (icb, sicbl, lad).
    var lookups = Set<String>()
    for layer in study.layers.values { if case .lookup(let file, _, _, _, _) = layer { lookups.insert(file.url.path) } }
    inputs += lookups.sorted()
    #expect(inputs.count == 8)
    for path in inputs {
      #expect(InputParses.count(path) == 1, "\(path) parsed \(InputParses.count(path)) times")
    }
  }
}
