import CatchmentCore
import CatchmentRegions
import CatchmentTables

/// An adjacency CSV read back: `zone_a,zone_b,shared_m,kind`, as `catchment adjacency` writes
/// it (one row per pair; `kind` edge, corner or link; `shared_m` the shared boundary in metres).
///
/// The zones are those the file names, in byte order: a zone that touches no other appears in
/// no row, so a file with islands written with `--no-links` leaves them out (they are then zones
/// without adjacency, counted where the flows are joined). A pair may be written either way
/// round; a pair given twice, a zone paired with itself, a blank code, an unknown kind or a
/// length that is negative or not a number is refused with the file and line.
public struct AdjacencyFile: Sendable {
  /// Zone codes named by the file, unique, in byte order.
  public let zoneIDs: [String]
  /// One link per row, indices into ``zoneIDs``, `a` < `b`.
  public let links: [ZoneLink]
  /// Rows read, and the pairs of each kind.
  public let account: RunAccount

  /// Reads `path`.
  ///
  /// - Throws: ``CatchmentTables/TableError`` for a missing file or column and for any row
  ///   that breaks the contract above (file and line named).
  public init(path: String) throws {
    let reader = try CSVReader(path: path)
    let aColumn = try reader.column(named: "zone_a", role: "adjacency zone_a")
    let bColumn = try reader.column(named: "zone_b", role: "adjacency zone_b")
    let sharedColumn = try reader.column(named: "shared_m", role: "adjacency shared_m")
    let kindColumn = try reader.column(named: "kind", role: "adjacency kind")
    let sharedName = reader.name(ofColumn: sharedColumn)
    var codes = CodeTable()
    var rowA: [Int32] = [], rowB: [Int32] = [], shared: [Double] = [], kinds: [ZoneLinkKind] = []
    // The line of each pair (by its two code ids, lower first), to name both lines of a repeat.
    var lineOfPair: [Int64: Int] = [:]
    while let record = try reader.next() {
      let a = record[aColumn].trimmedString, b = record[bColumn].trimmedString
      guard !a.isEmpty, !b.isEmpty else { throw record.error("a zone code is blank (zone_a '\(a)', zone_b '\(b)')") }
      guard a != b else { throw record.error("zone \(a) is paired with itself") }
      let kindText = record[kindColumn].trimmedString
      guard let kind = ZoneLinkKind(rawValue: kindText) else {
        throw record.error("kind is '\(kindText)'; expected edge, corner or link")
      }
      let metres = try record.number(at: sharedColumn, column: sharedName)
      guard metres.isFinite, metres >= 0 else { throw record.error("\(sharedName) is \(record[sharedColumn].string): not a length in metres") }
      let ia = codes.intern(a), ib = codes.intern(b)
      let key = Int64(min(ia, ib)) << 32 | Int64(max(ia, ib))
      if let first = lineOfPair[key] { throw record.error("the pair \(a)–\(b) is already on line \(first)") }
      lineOfPair[key] = record.line
      rowA.append(ia)
      rowB.append(ib)
      shared.append(metres)
      kinds.append(kind)
    }
    // Zones renumbered in byte order, so that indices never depend on the file's row order.
    let order = codes.idsInByteOrder()
    var rank = [Int32](repeating: 0, count: codes.count)
    for (r, id) in order.enumerated() { rank[Int(id)] = Int32(r) }
    var links: [ZoneLink] = []
    links.reserveCapacity(rowA.count)
    for k in rowA.indices {
      let x = rank[Int(rowA[k])], y = rank[Int(rowB[k])]
      links.append(ZoneLink(a: min(x, y), b: max(x, y), sharedMetres: shared[k], kind: kinds[k]))
    }
    links.sort { ($0.a, $0.b) < ($1.a, $1.b) }
    var summary = InputSummary(role: "adjacency", file: path)
    summary.rowsRead = reader.recordsRead
    summary.rowsCounted = links.count
    summary.blankLines = reader.blankLines
    var account = RunAccount()
    account.add(summary)
    for kind in ZoneLinkKind.allCases {
      account.figure("adjacency pairs of kind \(kind.rawValue)", Double(kinds.filter { $0 == kind }.count))
    }
    account.figure("zones in the adjacency", Double(codes.count))
    self.zoneIDs = order.map { codes.code($0) }
    self.links = links
    self.account = account
  }
}
