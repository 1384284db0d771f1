import CatchmentCore
import CatchmentTables

/// The levels of a practice map (e.g. practice → sub-ICB → ICB → region columns), as the
/// child → parent links between consecutive levels, each practice once (`nesting` by practices).
public struct PracticeMapLevels: Sendable {
  /// `links[k]`: (code in column k, code in column k + 1, 1) for every practice row.
  public var links: [[(child: String, parent: String, amount: Double)]]
  /// The codes of the last column, in byte order.
  public var roots: [String]

  /// Reads `columns` of the map at `path`; a row with a blank code in any of them is lost
  /// (counted by column in the account). `columnRole` names the columns in errors (e.g. "level column").
  public static func read(path: String, columns: [String], columnRole: String) throws -> (levels: PracticeMapLevels, account: RunAccount) {
    let reader = try CSVReader(path: path)
    let indices = try columns.map { try reader.column(named: $0, role: columnRole) }
    var links = Array(repeating: [(child: String, parent: String, amount: Double)](), count: max(columns.count - 1, 0))
    var roots = Set<String>()
    var blank: [String: (rows: Int, amount: Double)] = [:]
    var summary = InputSummary(role: "practice map", file: path)
    try reader.forEachRecord { record in
      let codes = indices.map { record[$0].trimmedString }
      if let empty = codes.firstIndex(where: \.isEmpty) {
        blank[columns[empty], default: (0, 0)].rows += 1
        blank[columns[empty], default: (0, 0)].amount += 1
        summary.rowsLost += 1
        return
      }
      for k in 0..<(codes.count - 1) { links[k].append((codes[k], codes[k + 1], 1)) }
      if let last = codes.last { roots.insert(last) }
      summary.rowsCounted += 1
    }
    summary.rowsRead = reader.recordsRead
    var account = RunAccount()
    account.add(summary)
    account.lose(Tally(reason: "practices with a blank code in a level column (column in brackets)", unit: "practices", destination: "not nested", byCode: blank))
    return (PracticeMapLevels(links: links, roots: roots.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }), account)
  }
}
