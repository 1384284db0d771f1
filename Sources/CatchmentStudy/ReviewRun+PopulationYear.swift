import CatchmentCore
import Foundation

extension ReviewRun {
  /// Records the population table as an input, with the year it states (``StatedYear``) as its
  /// `stated_date` in the manifest, and checks `[population] year` against it: a year the file
  /// states that differs from the study's is a warning in `report.json` (the review would
  /// describe one year's residents as another's), and so is a year column holding several
  /// years in the rows kept (their residents would be added up).
  ///
  /// Never fails the run: a file that cannot be read fails the population step itself, with
  /// the single command's message.
  func populationInput(_ population: PopulationSpec, state: inout ReviewRunState) {
    var input = ReviewPack.Input(key: "population.file", path: population.file)
    defer { state.inputs.append(input) }
    let filters = population.filter.keys.sorted().map { "\($0)=\(population.filter[$0] ?? "")" }
    // The table every population step joins (parsed here first, once for the run).
    let table = try? state.tables.population(
      path: population.file.url.path, columns: PopulationColumns(id: population.id, value: population.value, filters: filters))
    let stated = table.flatMap { StatedYear(table: $0) }
    guard let stated else {
      if let year = population.year {
        state.report.note("population.year \(year): \(population.file.given) states no year to check it against")
      }
      return
    }
    input.statedDate = stated.texts.joined(separator: ",")
    let statement = "\(stated.source): \(stated.texts.joined(separator: ", "))"
    if stated.years.count > 1 {
      state.report.warn(
        "\(population.file.given) states several years in the rows kept (\(statement)): their residents are added up; "
          + "keep one year with [population] filter")
    }
    guard let year = population.year else {
      state.report.note("\(population.file.given) states the year \(stated.years.map(String.init).joined(separator: ", ")) (\(statement))")
      return
    }
    if stated.years != [year] {
      state.report.warn(
        "population.year is \(year), but \(population.file.given) states \(stated.years.map(String.init).joined(separator: ", ")) "
          + "(\(statement))")
    } else {
      state.report.note("population.year \(year) agrees with \(population.file.given) (\(statement))")
    }
  }
}
