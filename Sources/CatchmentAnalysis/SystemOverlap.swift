import CatchmentCore
import CatchmentTables

/// System × system matrices from a membership table (as written by `catchment membership`).
///
/// - shared[a][b] = the number of providers that are members of both a and b (the diagonal:
///   the members of a);
/// - served[a][b] = population_a_served_by_b = Σ over providers p that are members of b of
///   CP(p,a), how much of system a's population is in the catchments of b's member providers.
///   It is not symmetric; served[a][a] is the part of a's population its own members serve.
///
/// Systems are the footprints that have at least one member, in byte order; UNATTRIBUTED rows
/// and UNALLOCATED footprints are left out (they are not systems).
public struct SystemOverlap: Sendable {
  public let systems: [String]
  /// Row-major systems × systems.
  public let shared: [Int]
  /// Row-major systems × systems.
  public let served: [Double]
  /// System names by id, from the membership's `footprint_name` column (empty when it has none).
  public let names: [String: String]

  /// Reads the membership CSV at `path` (columns provider_id, footprint_id, catchment_population, member),
  /// with its account (the file's row counts).
  public static func read(path: String) throws -> (overlap: SystemOverlap, account: RunAccount) {
    let reader = try CSVReader(path: path)
    let providerColumn = try reader.column(named: "provider_id")
    let footprintColumn = try reader.column(named: "footprint_id")
    let catchmentColumn = try reader.column(named: "catchment_population")
    let memberColumn = try reader.column(named: "member")
    let nameColumn = reader.index(of: "footprint_name")
    var names: [String: String] = [:]
    var rows: [(provider: String, footprint: String, catchment: Double, member: Bool)] = []
    var summary = InputSummary(role: "membership", file: path)
    try reader.forEachRecord { record in
      let member = record[memberColumn].trimmedString.lowercased()
      guard member == "true" || member == "false" else { throw record.error("member is '\(record[memberColumn].string)', not true or false") }
      rows.append((record[providerColumn].trimmedString, record[footprintColumn].trimmedString, try record.amount(at: catchmentColumn, column: "catchment_population"), member == "true"))
      if let nameColumn, case let name = record[nameColumn].trimmedString, !name.isEmpty { names[record[footprintColumn].trimmedString] = name }
      summary.rowsCounted += 1
    }
    summary.rowsRead = reader.recordsRead
    var account = RunAccount()
    account.add(summary)
    return (SystemOverlap(rows: rows, names: names), account)
  }

  public init(rows: [(provider: String, footprint: String, catchment: Double, member: Bool)], names: [String: String] = [:]) {
    let excluded: Set<String> = [ProviderCatchments.unattributed, Crosswalk.unallocated]
    let systems = Set(rows.filter { $0.member && !excluded.contains($0.footprint) && !excluded.contains($0.provider) }.map(\.footprint))
      .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var index: [String: Int] = [:]
    for (i, s) in systems.enumerated() { index[s] = i }
    var membersOf: [String: [Int]] = [:]  // provider → systems it belongs to
    for r in rows where r.member { if let s = index[r.footprint] { membersOf[r.provider, default: []].append(s) } }
    let n = systems.count
    var shared = [Int](repeating: 0, count: n * n)
    for provider in membersOf.keys.sorted() {
      let list = membersOf[provider]!
      for a in list { for b in list { shared[a * n + b] += 1 } }
    }
    var served = [Double](repeating: 0, count: n * n)
    // In file order, so sums never depend on anything else.
    for r in rows {
      guard let a = index[r.footprint], let memberships = membersOf[r.provider] else { continue }
      for b in memberships { served[a * n + b] += r.catchment }
    }
    self.systems = systems
    self.shared = shared
    self.served = served
    self.names = names.filter { index[$0.key] != nil }
  }

  /// `system_a,system_b,shared_members,population_a_served_by_b`, every pair, a then b in byte
  /// order; `system_a_name` and `system_b_name` after their ids when the systems have names.
  public func csv(numbers: NumberFormat = .readable, byteOrderMark: Bool = false) -> CSVWriter {
    let named = !names.isEmpty
    var out = CSVWriter(
      header: named
        ? ["system_a", "system_a_name", "system_b", "system_b_name", "shared_members", "population_a_served_by_b"]
        : ["system_a", "system_b", "shared_members", "population_a_served_by_b"],
      byteOrderMark: byteOrderMark)
    let n = systems.count
    for a in 0..<n {
      for b in 0..<n {
        let pair = named ? [systems[a], names[systems[a]] ?? "", systems[b], names[systems[b]] ?? ""] : [systems[a], systems[b]]
        out.append(pair + [numbers.count(shared[a * n + b]), numbers.people(served[a * n + b])])
      }
    }
    return out
  }

  /// A wide matrix: first column the row system (`system`), then `system_name` when the systems
  /// have names (pandas: `index_col=[0, 1]`), one column per system id.
  public func matrixCSV(_ values: (Int, Int) -> String, byteOrderMark: Bool = false) -> CSVWriter {
    let named = !names.isEmpty
    var out = CSVWriter(header: ["system"] + (named ? ["system_name"] : []) + systems, byteOrderMark: byteOrderMark)
    for a in systems.indices { out.append([systems[a]] + (named ? [names[systems[a]] ?? ""] : []) + systems.indices.map { values(a, $0) }) }
    return out
  }

  /// The shared-members matrix, wide.
  public func sharedMatrixCSV(numbers: NumberFormat = .readable, byteOrderMark: Bool = false) -> CSVWriter {
    matrixCSV({ numbers.count(shared[$0 * systems.count + $1]) }, byteOrderMark: byteOrderMark)
  }

  /// The population_a_served_by_b matrix, wide (rows a, columns b).
  public func servedMatrixCSV(numbers: NumberFormat = .readable, byteOrderMark: Bool = false) -> CSVWriter {
    matrixCSV({ numbers.people(served[$0 * systems.count + $1]) }, byteOrderMark: byteOrderMark)
  }
}
