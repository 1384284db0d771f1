import CatchmentInputs
import Foundation

extension DraftBuilder {
  /// `[population]` from the population estimate whose zone codes cover the most of the
  /// registrations' zone codes, then the latest year in its file name, then the first in name
  /// order; returns whether one was written.
  mutating func populationTable() -> Bool {
    let (files, covered) = byCoverage(
      tables { if case .population = $0 { return true } else { return false } }, file: { $0.file },
      column: { if case .population(let p) = $0.layout { return p.id } else { return "" } },
      tieBreak: { a, b in (Self.year(inFileName: a.file) ?? Int.min) > (Self.year(inFileName: b.file) ?? Int.min) })
    guard let table = files.first, case .population(let p) = table.layout else { return false }
    lines.append("")
    lines.append("[population]                         # residents per zone: ONS estimates, \(p.kind) layout")
    if files.count > 1 {
      let others = files.indices.dropFirst().map { files[$0].file + covers(covered, $0) }
      check("population.file: \(table.file) chosen\(covers(covered, 0)); other estimates: \(others.joined(separator: ", "))")
    }
    lines.append("file = \(path(table.file))")
    lines.append("id = \(TOMLText.string(p.id))")
    if !p.otherValues.isEmpty { check("population.value: \(p.value) chosen; other value columns: \(p.otherValues.joined(separator: ", "))") }
    lines.append("value = \(TOMLText.string(p.value))")
    if let year = Self.year(inFileName: table.file) { lines.append("year = \(year)                          # from the file name") }
    var filter: [(String, String)] = []
    for column in p.breakdowns {
      let values = distinct(fullPath(table.file), column)
      if let all = values.first(where: { ["persons", "all", "all persons", "total", "all ages"].contains($0.lowercased()) }) {
        filter.append((column, all))
      } else {
        check("population.filter: column \(column) stacks \(values.isEmpty ? "breakdowns" : values.prefix(8).joined(separator: ", ")); keep one, e.g. filter = \(TOMLText.inlineTable([(column, values.first ?? "…")]))")
      }
    }
    if !filter.isEmpty { lines.append("filter = \(TOMLText.inlineTable(filter))   # one row per zone") }
    return true
  }

  /// The mid-year of an estimate named in its file name (`mid2022`, `mid-2017`, `_2020`).
  static func year(inFileName name: String) -> Int? {
    let lower = name.lowercased()
    for marker in ["mid-", "mid_", "mid"] {
      if let range = lower.range(of: marker) {
        let digits = lower[range.upperBound...].prefix(4)
        if digits.count == 4, let year = Int(digits), (1990...2100).contains(year) { return year }
      }
    }
    return nil
  }

  /// `[review]`: returns the baseline layer.
  mutating func reviewTable(_ layers: [Layer]) -> Layer? {
    lines.append("")
    lines.append("[review]")
    guard !layers.isEmpty else {
      check("no footprint layer found (no lookup, footprint boundaries or crosswalk): add a [layers.NAME] table and name it here")
      lines.append("baseline = \"\"")
      return nil
    }
    let councils = Self.councilLevels.lazy.compactMap { level in layers.first { $0.level == level } }.first
    let baseline =
      Self.baselineLevels.lazy.compactMap { level in layers.first { $0.level == level } }.first
      ?? layers.first { $0.name != councils?.name } ?? layers[0]
    let candidates = layers.filter { $0.name != baseline.name && $0.name != councils?.name }
    if !candidates.isEmpty {
      check("review.baseline: \(baseline.name) chosen; the other layers: \(candidates.map(\.name).joined(separator: ", "))")
    }
    lines.append("baseline = \(TOMLText.string(baseline.name))   # the footprints under review")
    if let councils, councils.name != baseline.name {
      lines.append("councils = \(TOMLText.string(councils.name))   # coterminosity with local government")
    }
    if !candidates.isEmpty { lines.append("others = \(TOMLText.array(candidates.map(\.name)))   # each overlapped with the baseline") }
    return baseline
  }

  /// `[registrations]`: the registrations file (one with `SEX` = ALL rows first) and the practice
  /// map's column at the baseline's level.
  mutating func registrationsTable(baseline: Layer?) {
    let files = registrationFiles
    guard !files.isEmpty else { return }
    lines.append("")
    lines.append("[registrations]                      # NHS England: patients registered at a GP practice by LSOA")
    if files.count > 1 { check("registrations.file: \(files[0].file) chosen; others: \(files.dropFirst().map(\.file).joined(separator: ", "))") }
    lines.append("file = \(path(files[0].file))")
    let maps = tables { if case .practiceMap = $0 { return true } else { return false } }
    guard let map = maps.first, case .practiceMap(_, let levels) = map.layout else { return }
    if maps.count > 1 { check("registrations.practice_map: \(map.file) chosen; others: \(maps.dropFirst().map(\.file).joined(separator: ", "))") }
    if let level = levels.first(where: { $0.level == baseline?.level }) {
      lines.append("practice_map = \(path(map.file))")
      lines.append("practice_footprint = \(TOMLText.string(level.code))   # the map's column of the baseline's codes")
    } else {
      check("registrations.practice_footprint: the map has no column at the baseline's level; its columns: \(levels.map(\.code).joined(separator: ", "))")
      lines.append("# practice_map = \(path(map.file))")
      lines.append("# practice_footprint = \(TOMLText.string(levels.first?.code ?? ""))")
    }
  }

  /// The registrations files, one with `SEX` = ALL rows first (the SEX rule counts those
  /// alone), then in name order.
  func orderedRegistrationFiles() -> [FolderSurvey.Table] {
    var files = tables { if case .registrations = $0 { return true } else { return false } }
    if let all = files.firstIndex(where: {
      guard case .registrations(_, _, _, let sex?) = $0.layout else { return true }
      return distinct(fullPath($0.file), sex).contains("ALL")
    }) {
      files.insert(files.remove(at: all), at: 0)
    }
    return files
  }

  /// `[providers]`: the activity table, filtered to its latest year and admission type `All`.
  mutating func providersTable(hasPopulation: Bool) {
    let files = tables { if case .activity = $0 { return true } else { return false } }
    guard let table = files.first, case .activity(let a) = table.layout else { return }
    lines.append("")
    lines.append("[providers]                          # provider activity by zone of residence (OHID layout)")
    if files.count > 1 { check("providers.activity: \(table.file) chosen; others: \(files.dropFirst().map(\.file).joined(separator: ", "))") }
    if !hasPopulation { check("providers: catchments need [population]; none was recognised") }
    lines.append("activity = \(path(table.file))")
    lines.append("zone = \(TOMLText.string(a.zone))")
    lines.append("provider = \(TOMLText.string(a.provider))")
    if let count = a.count {
      if let share = a.share { check("providers: count = \(count) chosen; or share = \(TOMLText.string(share)) (already computed)") }
      lines.append("count = \(TOMLText.string(count))")
      if let total = a.total { lines.append("total = \(TOMLText.string(total))") }
    } else if let share = a.share {
      lines.append("share = \(TOMLText.string(share))")
    }
    var filter: [(String, String)] = []
    for column in a.breakdowns {
      let values = distinct(fullPath(table.file), column)
      if column.lowercased().contains("year") {
        guard let latest = values.max() else { continue }
        if values.count > 1 { check("providers.filter: \(column) = \(latest) chosen (the latest of \(values.joined(separator: ", ")))") }
        filter.append((column, latest))
      } else if let all = values.first(where: { $0.lowercased() == "all" }) {
        filter.append((column, all))
      } else if values.count > 1 {
        check("providers.filter: column \(column) stacks \(values.prefix(8).joined(separator: ", ")); keep one")
      }
    }
    if !filter.isEmpty { lines.append("filter = \(TOMLText.inlineTable(filter))") }
    lines.append("method = \"proportional\"              # the OHID method (the default)")
    lines.append("threshold = 0.05                     # membership: at least 5% of a provider's catchment (the default)")
    let names = tables { $0 == .etr }
    if let etr = names.first { lines.append("names = \(path(etr.file))   # provider names, ODS etr.csv layout") }
  }

  /// `[[proposals]]`: one per block assignment, its blocks the layer whose codes its block
  /// codes are (ONS code prefixes: E06–E09 and W06 councils, E38 sub-ICB locations or CCGs,
  /// E54 ICBs or STPs).
  mutating func proposalTables(_ layers: [Layer]) {
    for table in survey.tables {
      guard case .blockAssignment(let nameColumn, let weight) = table.layout else { continue }
      var stem = (table.file as NSString).deletingPathExtension
      if stem.lowercased().hasPrefix("proposal_") { stem = String(stem.dropFirst(9)) }
      let name = TOMLText.name(stem)
      let codes = table.sample.column("block_id").map(table.sample.values) ?? []
      let prefix = codes.first.map { String($0.prefix(3)) } ?? ""
      let levels: [String]
      switch prefix {
      case "E06", "E07", "E08", "E09", "W06": levels = Self.councilLevels
      case "E38": levels = ["sicbl", "ccg"]
      case "E54": levels = ["icb", "stp"]
      default: levels = []
      }
      lines.append("")
      let blocks = levels.lazy.compactMap { level in layers.first { $0.level == level } }.first
      guard let blocks else {
        check("\(table.file): a proposal, but no layer has its block codes (\(codes.prefix(3).joined(separator: ", "))); name one as blocks")
        lines.append("# [[proposals]]")
        lines.append("# name = \(TOMLText.string(name))")
        lines.append("# blocks = \"\"")
        lines.append("# assign = \(path(table.file))")
        continue
      }
      lines.append("[[proposals]]                        # what-if footprints built from blocks")
      lines.append("name = \(TOMLText.string(name))")
      lines.append("blocks = \(TOMLText.string(blocks.name))   # the block codes are this layer's footprints")
      lines.append("assign = \(path(table.file))")
      if let nameColumn { lines.append("footprint_name_column = \(TOMLText.string(nameColumn))") }
      if let weight { lines.append("weight_column = \(TOMLText.string(weight))") }
    }
  }
}
