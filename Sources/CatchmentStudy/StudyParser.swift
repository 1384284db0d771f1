import CatchmentAnalysis
import Foundation
import TOMLKit

extension Study {
  /// Reads and checks the study file at `path` (paths in it are resolved against its folder).
  ///
  /// - Throws: ``StudyError`` naming the file, the key path and what is wrong.
  public init(contentsOf path: String) throws(StudyError) {
    let text: String
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      guard let decoded = String(data: data, encoding: .utf8) else {
        throw StudyError(file: path, keyPath: "", problem: .unreadable("not UTF-8 text"))
      }
      text = decoded
    } catch let error as StudyError {
      throw error
    } catch {
      throw StudyError(file: path, keyPath: "", problem: .unreadable(error.localizedDescription))
    }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    try self.init(toml: text, file: path, folder: folder)
  }

  /// Parses a study from TOML text; `file` names it in errors and `folder` resolves its paths.
  public init(toml text: String, file: String, folder: URL) throws(StudyError) {
    // TOMLKit hands the text to C as a NUL-terminated string: a NUL byte would silently cut the
    // file short. TOML forbids it anyway.
    if let nul = text.utf8.firstIndex(of: 0) {
      let before = text.utf8[..<nul]
      let line = before.filter { $0 == 10 }.count + 1
      throw StudyError(file: file, keyPath: "", problem: .syntax("NUL byte in the file", line: line, column: 1))
    }
    // Invalid TOML that would crash toml++ (see tomlPrecheck) is refused first.
    if let bad = tomlPrecheck(text) {
      throw StudyError(file: file, keyPath: "", problem: .syntax(bad.problem, line: bad.line, column: bad.column))
    }
    let root: TOMLTable
    do {
      root = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw StudyError(
        file: file, keyPath: "",
        problem: .syntax(error.description, line: error.source.begin.line, column: error.source.begin.column))
    } catch {
      throw StudyError(file: file, keyPath: "", problem: .syntax("\(error)", line: 1, column: 1))
    }
    let reader = StudyReader(file: file, folder: folder)
    self = try reader.study(TableReader(table: root, path: "", file: file))
  }
}

/// The study file's grammar: one method per table, each reading its keys, then rejecting the
/// rest.
private struct StudyReader {
  let file: String
  let folder: URL

  func path(_ text: String) -> StudyPath { StudyPath(text, relativeTo: folder) }

  func study(_ root: TableReader) throws(StudyError) -> Study {
    var root = root
    let title = try root.requiredString("title")
    let output = path(try root.requiredString("output"))
    let population = try root.table("population").map { t throws(StudyError) in try self.population(t) }
    let zones = try root.table("zones").map { t throws(StudyError) in try self.zones(t) }
    guard let layersTable = try root.table("layers") else { throw root.error("layers", .missing) }
    let layers = try self.layers(layersTable, zones: zones)
    guard let reviewTable = try root.table("review") else { throw root.error("review", .missing) }
    let review = try self.review(reviewTable, layers: layers)
    let registrations = try root.table("registrations").map { t throws(StudyError) in try self.registrations(t) }
    let providers = try root.table("providers").map { t throws(StudyError) in try self.providers(t) }
    var proposals: [ProposalSpec] = []
    for table in try root.tableArray("proposals") {
      let proposal = try self.proposal(table, layers: layers)
      if proposals.contains(where: { $0.name == proposal.name }) {
        throw table.error("name", .invalid("another proposal is already named '\(proposal.name)'"))
      }
      proposals.append(proposal)
    }
    try root.finish()
    return Study(
      title: title, output: output, population: population, zones: zones, layers: layers, review: review,
      registrations: registrations, providers: providers, proposals: proposals)
  }

  func population(_ t: TableReader) throws(StudyError) -> PopulationSpec {
    var t = t
    let spec = PopulationSpec(
      file: path(try t.requiredString("file")), id: try t.requiredString("id"), value: try t.requiredString("value"),
      year: try t.int("year"), filter: try t.stringMap("filter"))
    try t.finish()
    return spec
  }

  func zones(_ t: TableReader) throws(StudyError) -> ZonesSpec {
    var t = t
    var spec = ZonesSpec(path: path(try t.requiredString("path")), id: try t.requiredString("id"), crs: try t.crs("crs"))
    if var c = try t.table("centroids") {
      spec.centroids = CentroidsSpec(
        file: path(try c.requiredString("file")), id: try c.requiredString("id"), x: try c.requiredString("x"),
        y: try c.requiredString("y"), crs: try c.crs("crs"))
      try c.finish()
    }
    try t.finish()
    return spec
  }

  func layers(_ t: TableReader, zones: ZonesSpec?) throws(StudyError) -> [String: LayerSpec] {
    var t = t
    var layers: [String: LayerSpec] = [:]
    for name in t.table.keys.sorted() {
      guard let layer = try t.table(name) else { continue }
      guard name.unicodeScalars.allSatisfy(isBareKeyScalar) else {
        throw t.error(name, .invalid("a layer name is used in file names: letters, digits, '_' and '-' only"))
      }
      layers[name] = try self.layer(layer, zones: zones)
    }
    guard !layers.isEmpty else { throw t.error(nil, .invalid("no layers: give at least one [layers.NAME] table")) }
    return layers
  }

  func layer(_ t: TableReader, zones: ZonesSpec?) throws(StudyError) -> LayerSpec {
    var t = t
    let sources = ["lookup", "polygons", "crosswalk"].filter { t.has($0) }
    guard sources.count <= 1 else { throw t.error(nil, .severalSources(sources)) }
    let spec: LayerSpec
    switch sources.first {
    case "lookup":
      spec = .lookup(
        file: path(try t.requiredString("lookup")), zone: try t.requiredString("zone"),
        footprint: try t.requiredString("footprint"), name: try t.string("name"), weight: try t.string("weight"))
    case "polygons":
      let file = path(try t.requiredString("polygons"))
      let id = try t.requiredString("id")
      let name = try t.string("name")
      let methodText = try t.requiredString("method")
      guard let method = PolygonMethod(rawValue: methodText) else {
        let choices = PolygonMethod.allCases.map(\.rawValue).joined(separator: " or ")
        throw t.error("method", .invalid("'\(methodText)' is not a method: \(choices)"))
      }
      let crs = try t.crs("crs")
      guard zones != nil else {
        throw t.error("polygons", .invalid("a polygon layer is overlaid on the zone polygons: give [zones]"))
      }
      spec = .polygons(path: file, id: id, name: name, method: method, crs: crs)
    case "crosswalk":
      spec = .crosswalk(file: path(try t.requiredString("crosswalk")))
    default:
      throw t.error(nil, .noSource)
    }
    try t.finish()
    return spec
  }

  func layerName(_ t: TableReader, _ key: String, _ name: String, _ layers: [String: LayerSpec]) throws(StudyError) {
    guard layers[name] != nil else { throw t.error(key, .unknownLayer(name, known: layers.keys.sorted())) }
  }

  func review(_ t: TableReader, layers: [String: LayerSpec]) throws(StudyError) -> ReviewSpec {
    var t = t
    let baseline = try t.requiredString("baseline")
    try layerName(t, "baseline", baseline, layers)
    let councils = try t.string("councils")
    if let councils { try layerName(t, "councils", councils, layers) }
    let others = try t.stringArray("others") ?? []
    for (i, other) in others.enumerated() where layers[other] == nil {
      throw StudyError(
        file: file, keyPath: "\(t.keyPath("others"))[\(i + 1)]", problem: .unknownLayer(other, known: layers.keys.sorted()))
    }
    let nesting = try t.stringArray("nesting") ?? []
    try nestingLayers(t, nesting, layers)
    try t.finish()
    return ReviewSpec(baseline: baseline, councils: councils, others: others, nesting: nesting)
  }

  /// `[review] nesting`: two or more layers, smallest first, each a layer and none twice (a
  /// layer cannot nest in itself); an empty list asks for no nesting.
  func nestingLayers(_ t: TableReader, _ nesting: [String], _ layers: [String: LayerSpec]) throws(StudyError) {
    if nesting.count == 1 {
      throw t.error("nesting", .invalid("needs two or more layers, smallest first, e.g. [\"sicbl\", \"icb\"]"))
    }
    for (i, name) in nesting.enumerated() {
      let key = "\(t.keyPath("nesting"))[\(i + 1)]"
      guard layers[name] != nil else {
        throw StudyError(file: file, keyPath: key, problem: .unknownLayer(name, known: layers.keys.sorted()))
      }
      if nesting[..<i].contains(name) {
        throw StudyError(file: file, keyPath: key, problem: .invalid("layer '\(name)' is listed twice"))
      }
    }
  }

  func registrations(_ t: TableReader) throws(StudyError) -> RegistrationsSpec {
    var t = t
    let file = path(try t.requiredString("file"))
    let map = try t.string("practice_map").map(path)
    let column = try t.string("practice_footprint")
    if map != nil, column == nil { throw t.error("practice_footprint", .missing) }
    if map == nil, column != nil {
      throw t.error("practice_footprint", .invalid("names a column of the practice map, but practice_map is not given"))
    }
    try t.finish()
    return RegistrationsSpec(file: file, practiceMap: map, practiceFootprint: column)
  }

  func providers(_ t: TableReader) throws(StudyError) -> ProvidersSpec {
    var t = t
    let activity = path(try t.requiredString("activity"))
    let zone = try t.requiredString("zone")
    let provider = try t.requiredString("provider")
    let measure: ActivityMeasure
    let count = try t.string("count")
    let share = try t.string("share")
    switch (count, share) {
    case (let count?, nil): measure = .count(count)
    case (nil, let share?): measure = .share(share)
    case (nil, nil): throw t.error("count", .missing)
    case (_?, _?): throw t.error("share", .invalid("give count or share, not both"))
    }
    let total = try t.string("total")
    let filter = try t.stringMap("filter")
    var method = CatchmentMethod.proportional
    if let text = try t.string("method") {
      guard let parsed = CatchmentMethod(text), parsed.usesActivity else {
        throw t.error(
          "method", .invalid("'\(text)' is not an activity method: proportional, normalised, fptp, threshold:X or min-share:X"))
      }
      method = parsed
    }
    let threshold = try t.double("threshold") ?? 0.05
    guard (0...1).contains(threshold) else { throw t.error("threshold", .invalid("a share, between 0 and 1")) }
    let names = try t.string("names").map(path)
    try t.finish()
    return ProvidersSpec(
      activity: activity, zone: zone, provider: provider, measure: measure, total: total, filter: filter,
      method: method, threshold: threshold, names: names)
  }

  func proposal(_ t: TableReader, layers: [String: LayerSpec]) throws(StudyError) -> ProposalSpec {
    var t = t
    let name = try t.requiredString("name")
    guard name.unicodeScalars.allSatisfy(isBareKeyScalar) else {
      throw t.error("name", .invalid("a proposal name is used in file names: letters, digits, '_' and '-' only"))
    }
    let blocks = try t.requiredString("blocks")
    try layerName(t, "blocks", blocks, layers)
    let assign = path(try t.requiredString("assign"))
    let spec = ProposalSpec(
      name: name, blocks: blocks, assign: assign, blockColumn: try t.string("block_column") ?? "block_id",
      footprintColumn: try t.string("footprint_column") ?? "footprint_id",
      footprintNameColumn: try t.string("footprint_name_column"), weightColumn: try t.string("weight_column"))
    try t.finish()
    return spec
  }
}
