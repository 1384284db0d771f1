import CatchmentInputs
import Foundation

/// Builds the text of a ``StudyDraft``: decides each table of the study from the survey and
/// writes it with its comments.
struct DraftBuilder {
  let survey: FolderSurvey
  let studyFolder: URL
  let distinct: (String, String) -> [String]
  /// The distinct codes of a column of a file (path, column), for comparing vintages.
  let codes: (String, String) -> Set<String>
  var lines: [String] = []
  var checks: [String] = []
  /// The registrations files, the one the study takes first.
  var registrationFiles: [FolderSurvey.Table] = []
  /// The registrations' zone codes, once read.
  var registered: Set<String>?

  var text: String { lines.joined(separator: "\n") + "\n" }

  /// A footprint layer of the draft.
  struct Layer {
    var name: String
    /// The level its codes are (`icb`, `lad`), when known.
    var level: String?
    var body: [String]
  }

  init(
    survey: FolderSurvey, studyFolder: URL, distinct: @escaping (String, String) -> [String],
    codes: @escaping (String, String) -> Set<String>
  ) {
    self.survey = survey
    self.studyFolder = studyFolder
    self.distinct = distinct
    self.codes = codes
  }

  mutating func check(_ note: String) {
    checks.append(note)
    lines.append("# CHECK: " + note)
  }

  /// A file of the folder as the study file names it.
  func path(_ file: String) -> String { TOMLText.string(relativePath(of: survey.folder.appendingPathComponent(file), from: studyFolder)) }
  func fullPath(_ file: String) -> String { survey.folder.appendingPathComponent(file).path }

  func tables(_ match: (PublishedLayout) -> Bool) -> [FolderSurvey.Table] {
    survey.tables.filter { $0.layout.map(match) == true }
  }

  static let baselineLevels = ["icb", "sicbl", "ccg", "stp", "pcn"]
  static let councilLevels = ["lad", "ltla", "utla", "ctyua", "la"]

  mutating func build() {
    registrationFiles = orderedRegistrationFiles()
    header()
    lines.append("title = \(TOMLText.string("Footprint review: " + survey.folder.lastPathComponent))")
    lines.append("output = \"review\"                   # the pack's folder, relative to this file")
    let zones = zonesTable()
    // Population before the layers: the layers' checks are recorded as they are built but
    // written after, so building them last keeps `checks` in the order of the text.
    let population = populationTable()
    let layers = footprintLayers(zones: zones)
    for layer in layers {
      lines.append("")
      lines.append("[layers.\(layer.name)]")
      lines.append(contentsOf: layer.body)
    }
    let baseline = reviewTable(layers)
    registrationsTable(baseline: baseline)
    providersTable(hasPopulation: population)
    proposalTables(layers)
  }

  /// The opening comment: what the file is and what was found in the folder.
  mutating func header() {
    lines.append("# A study drafted by Catchment from the files in \(survey.folder.lastPathComponent)/.")
    lines.append("# Look at every line marked CHECK, then run:  catchment review <this file>")
    lines.append("# Every key is described in the CatchmentStudy article \"The study file\".")
    lines.append("#")
    lines.append("# Recognised:")
    for table in survey.tables {
      guard let layout = table.layout else { continue }
      lines.append("#   \(table.file): \(layout.title)")
    }
    for boundary in survey.boundaries {
      guard let layout = boundary.layout else { continue }
      lines.append("#   \(boundary.file): boundaries, code field \(layout.id)\(layout.isZones ? " (zones)" : "")")
    }
    let unused = survey.tables.filter {
      switch $0.layout {
      case .some(.epraccur), .some(.postcodes): return true
      default: return false
      }
    }
    if !unused.isEmpty {
      lines.append("# Recognised but with no key in a study (some single commands read them: practice and site locations):")
      for table in unused { lines.append("#   \(table.file)") }
    }
    let unknown = survey.tables.filter { $0.layout == nil }.map { "\($0.file) (columns: \($0.sample.header.prefix(8).joined(separator: ", ")))" }
      + survey.boundaries.filter { $0.layout == nil }.map { "\($0.file) (no code field)" }
      + survey.unreadable.map { "\($0.file) (\($0.reason))" }
    if !unknown.isEmpty {
      lines.append("# Not recognised (add them by hand if they belong to the review):")
      for file in unknown { lines.append("#   \(file)") }
    }
    lines.append("")
  }

  /// `[zones]` and `[zones.centroids]` from the zone boundary file whose codes cover the most
  /// of the registrations' zone codes (the first in name order among equals); returns whether
  /// zones (and centroids) are given.
  mutating func zonesTable() -> (zones: Bool, centroids: Bool) {
    let (zoneFiles, covered) = byCoverage(
      survey.boundaries.filter { $0.layout?.isZones == true }, file: { $0.file }, column: { $0.layout?.id ?? "" })
    guard let file = zoneFiles.first, let layout = file.layout else { return (false, false) }
    lines.append("")
    lines.append("[zones]                              # zone polygons: for polygon layers, area splits and maps")
    if zoneFiles.count > 1 {
      let others = zoneFiles.indices.dropFirst().map { zoneFiles[$0].file + covers(covered, $0) }
      check("zones.path: \(file.file) chosen\(covers(covered, 0)); other zone boundaries: \(others.joined(separator: ", ")) (a folder or a glob reads several)")
    }
    if !layout.otherIDs.isEmpty { check("zones.id: \(layout.id) chosen; other code fields: \(layout.otherIDs.joined(separator: ", "))") }
    lines.append("path = \(path(file.file))")
    lines.append("id = \(TOMLText.string(layout.id))")
    lines.append("# crs = \"EPSG:27700\"                # only needed when the file states no CRS")
    let centroids = tables { if case .centroids = $0 { return true } else { return false } }
    guard let table = centroids.first, case .centroids(let zone, _, let x, let y) = table.layout else { return (true, false) }
    lines.append("")
    lines.append("[zones.centroids]                    # population-weighted centroids, for best-fit layers")
    if centroids.count > 1 { check("zones.centroids.file: \(table.file) chosen; others: \(centroids.dropFirst().map(\.file).joined(separator: ", "))") }
    lines.append("file = \(path(table.file))")
    lines.append("id = \(TOMLText.string(zone))")
    lines.append("x = \(TOMLText.string(x))")
    lines.append("y = \(TOMLText.string(y))")
    // Degrees fit in ±180/±90; British National Grid metres do not (but for a few points near
    // its false origin, which no English zone centroid is).
    let index = (table.sample.header.firstIndex(of: x), table.sample.header.firstIndex(of: y))
    let first = table.sample.rows.first
    if let i = index.0, let j = index.1, let row = first, i < row.count, j < row.count, let a = Double(row[i]), let b = Double(row[j]) {
      let degrees = abs(a) <= 180 && abs(b) <= 90
      lines.append("crs = \(degrees ? "\"EPSG:4326\"" : "\"EPSG:27700\"")                   # from the first point's range (\(degrees ? "degrees" : "metres"))")
    }
    return (true, true)
  }

  /// The footprint layers: lookups' levels, footprint boundaries (over the zones), crosswalks.
  mutating func footprintLayers(zones: (zones: Bool, centroids: Bool)) -> [Layer] {
    var layers: [Layer] = []
    func unique(_ name: String, _ alternative: String) -> String {
      if !layers.contains(where: { $0.name == name }) { return name }
      var candidate = alternative
      var n = 2
      while layers.contains(where: { $0.name == candidate }) {
        candidate = "\(alternative)_\(n)"
        n += 1
      }
      return candidate
    }
    for (table, zone, levels) in footprintLookups() {
      let stem = TOMLText.name((table.file as NSString).deletingPathExtension)
      for level in levels {
        var body = [
          "lookup = \(path(table.file))", "zone = \(TOMLText.string(zone))", "footprint = \(TOMLText.string(level.code))",
        ]
        if let name = level.name { body.append("name = \(TOMLText.string(name))") }
        layers.append(Layer(name: unique(level.level, "\(level.level)_\(stem)"), level: level.level, body: body))
      }
    }
    for boundary in survey.boundaries {
      guard let layout = boundary.layout, !layout.isZones else { continue }
      let stem = TOMLText.name((boundary.file as NSString).deletingPathExtension)
      var body = ["polygons = \(path(boundary.file))", "id = \(TOMLText.string(layout.id))"]
      if let name = layout.name { body.append("name = \(TOMLText.string(name))") }
      let method = zones.centroids ? "best-fit" : "area"
      body.append(
        "# CHECK: method: \(method) chosen; best-fit puts each zone wholly in the footprint holding its centroid (needs [zones.centroids]), area splits zones by area")
      body.append("method = \"\(method)\"")
      if !layout.otherIDs.isEmpty { body.insert("# CHECK: id: \(layout.id) chosen; other code fields: \(layout.otherIDs.joined(separator: ", "))", at: 1) }
      checks.append(contentsOf: body.filter { $0.hasPrefix("# CHECK: ") }.map { String($0.dropFirst(9)) })
      let layer = Layer(name: unique(stem, stem), level: layout.level, body: body)
      if zones.zones {
        layers.append(layer)
      } else {
        lines.append("")
        check("\(boundary.file): footprint boundaries, but no zone boundaries to overlay them on; add [zones] and a [layers.\(layer.name)] table")
      }
    }
    for table in survey.tables {
      guard case .crosswalk = table.layout else { continue }
      let stem = TOMLText.name((table.file as NSString).deletingPathExtension)
      layers.append(Layer(name: unique(stem, stem), level: nil, body: ["crosswalk = \(path(table.file))"]))
    }
    return layers
  }
}
