import CatchmentAnalysis
import CatchmentCore
import CatchmentGeoIO
import CatchmentTables
import Foundation

/// The input tables of one run, each file parsed once however many steps use it.
///
/// A table is read the first time a step asks for it (so errors come in the order the steps
/// meet them, as when every step read its own copy) and kept for the steps after; the tables are
/// keyed by the file's own codes (see ``CatchmentCore/PopulationTable``), so one read serves
/// every crosswalk. A reference type: the copies of a value that holds it (``CatchmentSources``)
/// share one cache.
public final class InputTables: @unchecked Sendable {
  private let lock = NSLock()
  private var populations: [FileKey<PopulationColumns>: PopulationTable] = [:]
  private var registrations: [FileKey<RegistrationsColumns>: UnitZoneTable] = [:]
  private var activities: [FileKey<ActivityColumns>: ActivityRows] = [:]
  private var practiceMaps: [FileKey<UnitMapColumns>: Result<(map: UnitFootprintMap, account: RunAccount), any Error>] = [:]
  private var providerNames: [String: [String: String]] = [:]

  public init() {}

  /// The table kept under `key` in `store`, read by `read` the first time it is asked for.
  /// A failed read is not kept: the step that asks again meets the same error.
  private func table<Columns, Table>(
    _ store: ReferenceWritableKeyPath<InputTables, [FileKey<Columns>: Table]>, _ key: FileKey<Columns>, read: () throws -> Table
  ) rethrows -> Table {
    if let table = lock.withLock({ self[keyPath: store][key] }) { return table }
    let table = try read()
    lock.withLock { self[keyPath: store][key] = table }
    return table
  }

  /// The population table of `path` with `columns`.
  public func population(path: String, columns: PopulationColumns) throws -> PopulationTable {
    try table(\.populations, FileKey(path: path, columns: columns)) { try PopulationTable(path: path, columns: columns) }
  }

  /// The registrations (counts per unit and zone) of `path` with `columns`.
  public func registrations(path: String, columns: UnitZoneColumns = .init(), role: String = "registrations") throws -> UnitZoneTable {
    try table(\.registrations, FileKey(path: path, columns: RegistrationsColumns(columns: columns, role: role))) {
      try UnitZoneTable(path: path, columns: columns, role: role)
    }
  }

  /// The activity rows of `path` with `columns`.
  public func activity(path: String, columns: ActivityColumns) throws -> ActivityRows {
    try table(\.activities, FileKey(path: path, columns: columns)) { try ActivityRows(path: path, columns: columns) }
  }

  /// The practice map of `path` with `columns`, with its account (record it in each step's
  /// report that uses the map). The column sets of `others` that the run will ask for later
  /// (the proposal's footprint column in `compare`) are read in the same pass; each set's error
  /// is thrown when that set is asked for, as a read of it alone would throw it.
  public func practiceMap(
    path: String, columns: UnitMapColumns, readingAlso others: [UnitMapColumns] = []
  ) throws -> (map: UnitFootprintMap, account: RunAccount) {
    let key = FileKey(path: path, columns: columns)
    if let read = lock.withLock({ practiceMaps[key] }) { return try read.get() }
    var sets = [columns]
    for other in others where !sets.contains(other) && lock.withLock({ practiceMaps[FileKey(path: path, columns: other)] }) == nil {
      sets.append(other)
    }
    let reads = try UnitFootprintMap.read(path: path, columns: sets)
    lock.withLock { for (set, read) in zip(sets, reads) { practiceMaps[FileKey(path: path, columns: set)] = read } }
    return try reads[0].get()
  }

  /// Provider names from the provider list of `sites` (nil without one).
  public func providerNames(_ sites: SiteInputs) throws -> [String: String]? {
    guard let providers = sites.providers else { return nil }
    let key = "\(providers.path)\u{0}\(providers.codeColumn)\u{0}\(providers.nameColumn)"
    if let names = lock.withLock({ providerNames[key] }) { return names }
    let names = try sites.providerNames() ?? [:]
    lock.withLock { providerNames[key] = names }
    return names
  }
}

/// A file read with one set of columns: what a table is kept under.
private struct FileKey<Columns: Hashable>: Hashable {
  var path: String
  var columns: Columns
}

/// The registrations' columns with the role the file plays in the run's report.
private struct RegistrationsColumns: Hashable {
  var columns: UnitZoneColumns
  var role: String
}
