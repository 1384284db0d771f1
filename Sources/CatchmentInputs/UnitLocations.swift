import CatchmentAnalysis
import CatchmentCore
import CatchmentEngine
import CatchmentGeoIO
import CatchmentGeometry
import CatchmentTables

/// Where each unit (practice, trust, site) is: the zone that holds it.
///
/// Either a table (`unit,zone` columns) or points (x/y, or a postcode looked up in a directory)
/// located in the zone polygons. A unit with several points (a trust with several sites) is
/// placed by its first row that can be placed: the file's order says which site is the main one.
public enum UnitPlacement: Sendable, Equatable {
  /// A CSV naming each unit's zone.
  case table(Table)
  /// A CSV of points located in the zone polygons.
  case points(Points)

  public struct Table: Sendable, Equatable {
    public var path: String
    public var unitColumn: String
    public var zoneColumn: String
    public init(path: String, unitColumn: String, zoneColumn: String) {
      self.path = path
      self.unitColumn = unitColumn
      self.zoneColumn = zoneColumn
    }
  }

  public struct Points: Sendable, Equatable {
    public var path: String
    public var idColumn: String
    public var xColumn: String?
    public var yColumn: String?
    /// The CRS of the x/y columns.
    public var crs: CRSReference
    /// A postcode column, for rows without coordinates (with ``postcodes``).
    public var postcodeColumn: String?
    public var postcodes: PostcodeSpec?
    public init(path: String, idColumn: String, xColumn: String?, yColumn: String?, crs: CRSReference, postcodeColumn: String?, postcodes: PostcodeSpec?) {
      self.path = path
      self.idColumn = idColumn
      self.xColumn = xColumn
      self.yColumn = yColumn
      self.crs = crs
      self.postcodeColumn = postcodeColumn
      self.postcodes = postcodes
    }
  }
}

/// Each unit's zone code; units that could not be placed are absent, and counted in the account.
public struct UnitLocations: Sendable {
  /// Unit code → zone code.
  public var zoneOfUnit: [String: String]
  public var account: RunAccount

  /// Reads a unit → zone table.
  ///
  /// - Throws: ``CatchmentTables/TableError`` for a missing file or column, a blank unit code, or
  ///   a unit given two different zones (both lines named).
  public static func read(_ table: UnitPlacement.Table) throws -> UnitLocations {
    let reader = try CSVReader(path: table.path)
    let unitColumn = try reader.column(named: table.unitColumn, role: "unit location unit")
    let zoneColumn = try reader.column(named: table.zoneColumn, role: "unit location zone")
    var zoneOfUnit: [String: String] = [:], lineOfUnit: [String: Int] = [:]
    var blankZone: [String: (rows: Int, amount: Double)] = [:]
    var repeated = 0
    var summary = InputSummary(role: "unit locations", file: table.path)
    while let record = try reader.next() {
      let unit = record[unitColumn].trimmedString, zone = record[zoneColumn].trimmedString
      guard !unit.isEmpty else { throw record.error("the unit code is blank") }
      guard !zone.isEmpty else {
        blankZone[unit, default: (0, 0)].rows += 1
        continue
      }
      if let known = zoneOfUnit[unit] {
        guard known == zone else { throw record.error("unit \(unit) is placed in \(zone) here and in \(known) on line \(lineOfUnit[unit]!)") }
        repeated += 1
        continue
      }
      zoneOfUnit[unit] = zone
      lineOfUnit[unit] = record.line
    }
    summary.rowsRead = reader.recordsRead
    summary.blankLines = reader.blankLines
    summary.rowsCounted = zoneOfUnit.count
    summary.rowsLost = blankZone.values.reduce(0) { $0 + $1.rows }
    var account = RunAccount()
    account.add(summary)
    account.lose(Tally(reason: "units with a blank zone (their flows are counted as flows to units with no location)", unit: "units", destination: "not placed", byCode: blankZone.mapValues { (rows: $0.rows, amount: 1.0) }))
    if repeated > 0 { account.note("\(repeated) rows of \(table.path) repeat a unit in the same zone") }
    account.attribute(to: table.path)
    return UnitLocations(zoneOfUnit: zoneOfUnit, account: account)
  }

  /// Places points in `zones` (polygons already in `workingCRS`, projected).
  ///
  /// - Throws: ``CatchmentTables/TableError`` for the points file; ``UnitLocationError`` when
  ///   points need postcodes and no directory was given; PROJ errors of the transformation.
  public static func locate(_ points: UnitPlacement.Points, zones: PolygonLayer, workingCRS: CRSReference, workers: Int) throws -> UnitLocations {
    let sites = try ProviderSites.readSites(
      path: points.path, columns: .init(provider: points.idColumn, x: points.xColumn, y: points.yColumn, postcode: points.postcodeColumn))
    var account = RunAccount()
    var summary = InputSummary(role: "unit points", file: points.path)
    summary.rowsRead = sites.count
    let wanted = Set(sites.filter { $0.point == nil }.map { PostcodeDirectory.normalise($0.postcode) }.filter { !$0.isEmpty })
    var byPostcode: [String: (x: Double, y: Double)] = [:]
    if !wanted.isEmpty, let directory = points.postcodes {
      let (found, lookedUp) = try directory.lookUp(wanted)
      account.append(contentsOf: lookedUp)
      // Postcodes come in the directory's CRS: brought to the working CRS here, the rows'
      // own coordinates below.
      var layer = PointLayer(crs: directory.crs)
      for code in found.keys.sorted() { layer.append(id: code, x: found[code]!.x, y: found[code]!.y) }
      try CoordinateTransformer(from: directory.crs, to: workingCRS).transform(&layer)
      for (k, code) in layer.ids.enumerated() { byPostcode[code] = (layer.xs[k], layer.ys[k]) }
    } else if !wanted.isEmpty && points.postcodes == nil && !sites.contains(where: { $0.point != nil }) {
      throw UnitLocationError.needsPostcodes(count: wanted.count)
    }
    var own = PointLayer(crs: points.crs)
    var fromPostcode = PointLayer(crs: workingCRS)
    var unplaced: [String: (rows: Int, amount: Double)] = [:]
    for site in sites {
      if let p = site.point {
        own.append(id: site.provider, x: p.x, y: p.y)
      } else if let p = byPostcode[PostcodeDirectory.normalise(site.postcode)] {
        fromPostcode.append(id: site.provider, x: p.x, y: p.y)
      } else {
        unplaced[site.id.isEmpty ? site.provider : "\(site.provider) \(site.id)", default: (0, 0)].rows += 1
      }
    }
    try CoordinateTransformer(from: points.crs, to: workingCRS).transform(&own)
    // Rows in file order whatever placed them, so "first row placed" keeps its meaning.
    var order: [(row: Int, layer: Int, index: Int)] = []
    var ownNext = 0, postcodeNext = 0
    for (row, site) in sites.enumerated() {
      if site.point != nil {
        order.append((row, 0, ownNext))
        ownNext += 1
      } else if byPostcode[PostcodeDirectory.normalise(site.postcode)] != nil {
        order.append((row, 1, postcodeNext))
        postcodeNext += 1
      }
    }
    let inOwn = try SpatialCrosswalk.locate(points: own, footprints: zones, workers: workers)
    let inPostcode = try SpatialCrosswalk.locate(points: fromPostcode, footprints: zones, workers: workers)
    var zoneOfUnit: [String: String] = [:]
    var outside: [String: (rows: Int, amount: Double)] = [:]
    var otherRows = 0
    for entry in order {
      let site = sites[entry.row]
      let zone = entry.layer == 0 ? inOwn[entry.index] : inPostcode[entry.index]
      guard let zone else {
        outside[site.id.isEmpty ? site.provider : "\(site.provider) \(site.id)", default: (0, 0)].rows += 1
        continue
      }
      if zoneOfUnit[site.provider] == nil { zoneOfUnit[site.provider] = zones.ids[zone] } else { otherRows += 1 }
    }
    summary.rowsCounted = zoneOfUnit.count
    account.add(summary)
    account.lose(Tally(reason: "unit points that cannot be placed (no coordinates, and a postcode missing or not in the directory)", unit: "points", destination: "not used", byCode: unplaced.mapValues { (rows: $0.rows, amount: 1.0) }))
    account.lose(Tally(reason: "unit points outside every zone polygon", unit: "points", destination: "not used", byCode: outside.mapValues { (rows: $0.rows, amount: 1.0) }))
    if otherRows > 0 {
      account.note("\(otherRows) further points of units already placed (other sites) are not used: a unit is placed by its first row that can be placed")
    }
    account.figure("units placed from points", Double(zoneOfUnit.count))
    return UnitLocations(zoneOfUnit: zoneOfUnit, account: account)
  }
}

/// Why units cannot be placed.
public enum UnitLocationError: Error, Sendable, Equatable {
  /// `count` points have a postcode and no coordinates, and no postcode directory was given.
  case needsPostcodes(count: Int)
}
