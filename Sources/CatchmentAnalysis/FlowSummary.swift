import CatchmentCore
import CatchmentTables

/// Containment measures per footprint, from a ``FlowMatrix``.
///
/// For footprint f (matched by code on both sides):
/// - resident_registered = Σb F[f][b] (patients living in f, wherever registered);
/// - registered_list = Σa F[a][f] (patients of f's practices, wherever they live);
/// - retained = F[f][f];
/// - retention = retained ÷ resident_registered (residence-side self-containment);
/// - capture = retained ÷ registered_list (registration-side containment);
/// - inflow = registered_list − retained; outflow = resident_registered − retained;
///   net = inflow − outflow;
/// - with a population: resident_population = P(f) and
///   list_inflation = resident_registered ÷ resident_population.
/// Ratios with a zero denominator are left empty. UNALLOCATED has its own row and is counted
/// in every sum, so Σ inflow = Σ outflow over all rows.
///
/// practices_in_map = practices the practice map puts in f; practices_in_file = how many of
/// them the registrations file holds (both empty for a footprint the map lacks, and for
/// UNALLOCATED). A footprint is *partly seen* when fewer than half its practices are in the
/// file, or, with a population, when list_inflation < 0.5 (fewer registered residents than
/// half the residents: never so for a complete file, where England's lists exceed the
/// population by some 4–7 %). A practice-side extract (all patients of some practices, plus
/// a few patients of others) has full lists for its own practices only, so elsewhere
/// registered_list, capture, resident_registered and list_inflation count a fraction of the
/// patients (``partialFootprintsWarning()``).
public struct FlowSummary: Sendable {
  public struct Row: Sendable, Equatable {
    public var footprint: String
    public var residentRegistered: Double
    public var registeredList: Double
    public var retained: Double
    public var residentPopulation: Double?
    /// Practices of the file, and of the map, in this footprint (nil when not a map footprint).
    public var practicesInFile: Int?
    public var practicesInMap: Int?

    /// True when fewer than half of the footprint's practices (by the map) are in the file.
    public var hasMostPracticesAbsent: Bool {
      guard let inFile = practicesInFile, let inMap = practicesInMap, inMap > 0 else { return false }
      return 2 * inFile < inMap
    }

    /// True when the file registers fewer residents than half the resident population.
    public var hasFewRegisteredResidents: Bool { (listInflation ?? 1) < 0.5 }

    /// Either of the above: the file sees only part of this footprint.
    public var isPartlySeen: Bool { footprint != Crosswalk.unallocated && (hasMostPracticesAbsent || hasFewRegisteredResidents) }

    public var retention: Double? { residentRegistered > 0 ? retained / residentRegistered : nil }
    public var capture: Double? { registeredList > 0 ? retained / registeredList : nil }
    public var inflow: Double { registeredList - retained }
    public var outflow: Double { residentRegistered - retained }
    public var net: Double { inflow - outflow }
    public var listInflation: Double? {
      guard let p = residentPopulation, p > 0 else { return nil }
      return residentRegistered / p
    }
  }

  /// One row per footprint with a non-zero resident or registered count, in code order,
  /// UNALLOCATED last.
  public let rows: [Row]
  public let hasPopulation: Bool
  /// Footprint names by code (``FlowMatrix/footprintNamesByCode``), for `footprint_name`.
  public let names: [String: String]

  /// Computes the summary; `population` adds resident population and list inflation.
  public init(matrix: FlowMatrix, population: ResidentPopulation? = nil) {
    let rowTotals = matrix.rowTotals, columnTotals = matrix.columnTotals
    var resident: [String: Double] = [:]
    var registered: [String: Double] = [:]
    for a in matrix.residenceCodes.indices where rowTotals[a] != 0 { resident[matrix.residenceCodes[a], default: 0] += rowTotals[a] }
    for b in matrix.registrationCodes.indices where columnTotals[b] != 0 { registered[matrix.registrationCodes[b], default: 0] += columnTotals[b] }
    let registrationIndex = Dictionary(matrix.registrationCodes.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    var codes = Array(Set(resident.keys).union(registered.keys))
    codes = FlowMatrix.outputOrder(codes).map { codes[$0] }
    var rows: [Row] = []
    for code in codes {
      var retained = 0.0
      if let a = matrix.residenceCodes.firstIndex(of: code), let b = registrationIndex[code] { retained = matrix.flow(a, b) }
      var row = Row(footprint: code, residentRegistered: resident[code] ?? 0, registeredList: registered[code] ?? 0, retained: retained)
      if let population { row.residentPopulation = population.population(of: code) ?? 0 }
      if code != Crosswalk.unallocated, let b = registrationIndex[code] {
        row.practicesInFile = matrix.practicesInFile[b]
        row.practicesInMap = matrix.practicesInMap[b]
      }
      rows.append(row)
    }
    self.rows = rows
    hasPopulation = population != nil
    names = matrix.footprintNamesByCode
  }

  /// The summary table: people to ``NumberFormat/people(_:)``, retention, capture and
  /// list_inflation to ``NumberFormat/ratio(_:)`` (each from the exact values); `footprint_name`
  /// after `footprint_id` when any footprint has a name.
  public func csv(numbers: NumberFormat = .readable, byteOrderMark: Bool = false) -> CSVWriter {
    let named = !names.isEmpty
    var header = ["footprint_id", "resident_registered", "registered_list", "retained", "retention", "capture", "inflow", "outflow", "net"]
    if named { header.insert("footprint_name", at: 1) }
    if hasPopulation { header += ["resident_population", "list_inflation"] }
    header += ["practices_in_file", "practices_in_map"]
    var out = CSVWriter(header: header, byteOrderMark: byteOrderMark)
    func f(_ v: Double?) -> String { v.map(numbers.people) ?? "" }
    func ratio(_ v: Double?) -> String { v.map(numbers.ratio) ?? "" }
    for r in rows {
      var fields = [
        r.footprint, f(r.residentRegistered), f(r.registeredList), f(r.retained), ratio(r.retention), ratio(r.capture),
        f(r.inflow), f(r.outflow), f(r.net),
      ]
      if named { fields.insert(names[r.footprint] ?? "", at: 1) }
      if hasPopulation { fields += [f(r.residentPopulation), ratio(r.listInflation)] }
      fields += [r.practicesInFile.map(String.init) ?? "", r.practicesInMap.map(String.init) ?? ""]
      out.append(fields)
    }
    return out
  }

  /// A warning when footprints are only partly seen by the registrations file
  /// (``Row/isPartlySeen``), naming how many, why, and the first few; empty when none is.
  public func partialFootprintsWarning() -> RunAccount {
    var account = RunAccount()
    let real = rows.filter { $0.footprint != Crosswalk.unallocated }
    let partial = real.filter(\.isPartlySeen)
    guard !partial.isEmpty else { return account }
    let absent = partial.filter(\.hasMostPracticesAbsent).count, few = partial.filter(\.hasFewRegisteredResidents).count
    var reasons = ["\(absent) have fewer than half of the practices the map puts there in the file"]
    if hasPopulation { reasons.append("\(few) have fewer registered residents than half their population (list_inflation below 0.5)") }
    let examples = partial.prefix(5).map { r -> String in
      var text = "\(r.footprint): \(r.practicesInFile.map(String.init) ?? "–") of \(r.practicesInMap.map(String.init) ?? "–") practices"
      if let inflation = r.listInflation { text += ", list_inflation \(NumberFormat.csv((inflation * 10_000).rounded() / 10_000))" }
      return text
    }
    account.warn(
      "\(partial.count) of \(real.count) footprints in the summary are only partly seen by the registrations file (\(reasons.joined(separator: "; ")); \(examples.joined(separator: "; "))\(partial.count > 5 ? "; …" : "")): the file holds only some practices' patients (a practice-side extract?), so for those footprints registered_list and capture count only the practices present, and resident_registered and list_inflation miss the residents registered with the others (columns practices_in_file, practices_in_map)")
    return account
  }
}
