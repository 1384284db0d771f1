import CatchmentTables

/// Providers and their sites, from CSV.
///
/// Two kinds of file:
/// - a provider list, e.g. ODS `etr.csv` (NHS trusts; no header row; NHS Digital's file
///   specification: column 1 organisation code, 2 name, 10 postcode of the headquarters), or any
///   CSV with code, name and postcode columns by name;
/// - a site list with a header: provider code, optional site id, name and attractiveness (e.g.
///   beds), and either coordinates (x/y in a given CRS) or a postcode.
/// Columns are names when the file has a header, or 1-based positions when they are all numbers.
public enum ProviderSites {
  /// One provider of a provider list.
  public struct Provider: Sendable, Equatable {
    public var code: String
    public var name: String
    /// Headquarters postcode as written ("" when none).
    public var postcode: String
  }

  /// Where the provider list's columns are.
  public struct ProviderColumns: Sendable {
    public var code: String
    public var name: String
    public var postcode: String
    /// ODS `etr.csv`: code 1, name 2, postcode 10.
    public static let ods = ProviderColumns(code: "1", name: "2", postcode: "10")
    public init(code: String, name: String, postcode: String) {
      self.code = code
      self.name = name
      self.postcode = postcode
    }
  }

  /// One site of a site list.
  public struct Site: Sendable, Equatable {
    public var provider: String
    /// The site id ("" when no column), for messages.
    public var id: String
    public var name: String
    public var postcode: String
    /// Coordinates in the site CRS; nil when the row has none (placed by postcode, if any).
    public var point: (x: Double, y: Double)?
    /// Attractiveness (e.g. beds); 1 when no column.
    public var attractiveness: Double

    public static func == (a: Site, b: Site) -> Bool {
      a.provider == b.provider && a.id == b.id && a.name == b.name && a.postcode == b.postcode && a.point?.x == b.point?.x
        && a.point?.y == b.point?.y && a.attractiveness == b.attractiveness
    }
  }

  /// Where the site list's columns are (names; nil when absent).
  public struct SiteColumns: Sendable {
    public var provider: String
    public var id: String?
    public var name: String?
    public var x: String?
    public var y: String?
    public var postcode: String?
    public var attractiveness: String?
    public init(provider: String, id: String? = nil, name: String? = nil, x: String? = nil, y: String? = nil, postcode: String? = nil, attractiveness: String? = nil) {
      self.provider = provider
      self.id = id
      self.name = name
      self.x = x
      self.y = y
      self.postcode = postcode
      self.attractiveness = attractiveness
    }
  }

  /// Reads a provider list.
  ///
  /// - Throws: ``CatchmentTables/TableError`` for a missing file or column, or an empty code.
  public static func readProviders(path: String, columns: ProviderColumns = .ods) throws -> [Provider] {
    let positional = [columns.code, columns.name, columns.postcode].allSatisfy { Int($0) != nil }
    let reader = try CSVReader(path: path, hasHeader: !positional)
    func column(_ spec: String, _ role: String) throws -> Int {
      positional ? Int(spec)! - 1 : try reader.column(named: spec, role: role)
    }
    let code = try column(columns.code, "provider code")
    let name = try column(columns.name, "provider name")
    let postcode = try column(columns.postcode, "provider postcode")
    var providers: [Provider] = []
    while let record = try reader.next() {
      let c = record[code].trimmedString
      guard !c.isEmpty else { throw record.error("the provider code is empty") }
      providers.append(Provider(code: c, name: record.has(name) ? record[name].trimmedString : "", postcode: record.has(postcode) ? record[postcode].trimmedString : ""))
    }
    return providers
  }

  /// Reads a site list (with a header). A row with empty coordinates keeps `point` nil; a row
  /// with only one of x and y, or a negative attractiveness, is an error naming the line.
  public static func readSites(path: String, columns: SiteColumns) throws -> [Site] {
    let reader = try CSVReader(path: path)
    let provider = try reader.column(named: columns.provider, role: "site provider")
    let id = try columns.id.map { try reader.column(named: $0, role: "site id") }
    let name = try columns.name.map { try reader.column(named: $0, role: "site name") }
    let x = try columns.x.map { try reader.column(named: $0, role: "site x") }
    let y = try columns.y.map { try reader.column(named: $0, role: "site y") }
    let postcode = try columns.postcode.map { try reader.column(named: $0, role: "site postcode") }
    let attractiveness = try columns.attractiveness.map { try reader.column(named: $0, role: "site attractiveness") }
    var sites: [Site] = []
    while let record = try reader.next() {
      let p = record[provider].trimmedString
      guard !p.isEmpty else { throw record.error("the site's provider code is empty") }
      var point: (x: Double, y: Double)?
      if let x, let y {
        let xEmpty = record[x].trimmedString.isEmpty, yEmpty = record[y].trimmedString.isEmpty
        guard xEmpty == yEmpty else { throw record.error("the site has only one of its two coordinates") }
        if !xEmpty { point = (try record.number(at: x, column: reader.name(ofColumn: x)), try record.number(at: y, column: reader.name(ofColumn: y))) }
      }
      var weight = 1.0
      if let attractiveness {
        weight = try record.number(at: attractiveness, column: reader.name(ofColumn: attractiveness))
        guard weight >= 0 else { throw record.error("the site's attractiveness is negative: \(record[attractiveness].string)") }
      }
      sites.append(
        Site(
          provider: p, id: id.map { record[$0].trimmedString } ?? "", name: name.map { record[$0].trimmedString } ?? "",
          postcode: postcode.map { record[$0].trimmedString } ?? "", point: point, attractiveness: weight))
    }
    return sites
  }
}
