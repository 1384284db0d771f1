import CatchmentCore
import CatchmentTables

/// The flow matrix F[a][b] = Σz,p w(z,a)·n(p,z)·[p ∈ b]: units (patients) living in residence
/// footprint a and registered with a unit (practice) of registration footprint b.
///
/// Residence footprints are the crosswalk's, plus ``Crosswalk/unallocated`` for patients in
/// zones the crosswalk does not know (pseudo codes, other nations, other vintages) and for
/// the unallocated remainder of partly allocated zones. Registration footprints are the
/// practice map's, plus ``Crosswalk/unallocated`` for practices missing from the map.
/// Nothing is dropped: Σa,b F[a][b] equals the patients counted (exactly with 0/1 weights,
/// to rounding with fractional ones).
public struct FlowMatrix: Sendable {
  /// Residence footprint codes by residence index (crosswalk ids, then UNALLOCATED).
  public let residenceCodes: [String]
  public let residenceNames: [String]
  /// Registration footprint codes by registration index (map ids, then UNALLOCATED).
  public let registrationCodes: [String]
  public let registrationNames: [String]
  /// Non-zero cells keyed by `a << 32 | b`.
  public let cells: [Int64: Double]
  /// Σ counts of the rows counted (the patients the matrix must account for).
  public let patientsCounted: Double
  /// Per unit: patients by residence index, when asked for (`unit << 32 | a`).
  public let unitResidence: [Int64: Double]
  /// The counts table's unit codes, names and registration index, for per-unit output.
  public let unitCodes: [String]
  public let unitNames: [String]
  public let unitRegistration: [Int32]
  /// Per registration index: the practices the map puts in that footprint, and how many of
  /// them the counts table holds (UNALLOCATED: 0 and 0). A footprint with far fewer in the
  /// file than in the map is only partly seen by this file (a practice-side extract). Counted
  /// over `practiceList` when given (the published practice map, when `map` also holds
  /// practices placed by postcode from a list of every organisation, open or closed).
  public let practicesInMap: [Int]
  public let practicesInFile: [Int]
  /// Where every patient went: the losses and exclusions on each side, footprint codes on one
  /// side only, warnings (record it in the run's report).
  public let account: RunAccount

  /// The flow from residence index `a` to registration index `b`.
  public func flow(_ a: Int, _ b: Int) -> Double { cells[Int64(a) << 32 | Int64(b)] ?? 0 }

  /// Computes the matrix and its ``account`` of where every patient went.
  ///
  /// - Parameters:
  ///   - counts: n(p,z), already read with the SEX rule applied.
  ///   - crosswalk: residence side, w(z,a).
  ///   - map: registration side, p ∈ b.
  ///   - keepUnitBreakdown: also keep each unit's patients by residence footprint.
  /// - Complexity: O(rows × entries per zone).
  ///   - practiceList: the map whose practices ``practicesInMap`` counts (default: `map`).
  public init(
    counts: UnitZoneCounts, crosswalk: Crosswalk, map: UnitFootprintMap, keepUnitBreakdown: Bool = false,
    practiceList: UnitFootprintMap? = nil
  ) {
    // Residence side: crosswalk footprint ids, UNALLOCATED appended when the crosswalk lacks it.
    var residenceCodes = crosswalk.footprints.codes
    var residenceNames = crosswalk.footprintNames
    let residenceUnallocated: Int32
    if let u = crosswalk.unallocatedID {
      residenceUnallocated = u
    } else {
      residenceUnallocated = Int32(residenceCodes.count)
      residenceCodes.append(Crosswalk.unallocated)
      residenceNames.append("")
    }
    // Registration side: map footprint ids, UNALLOCATED appended (or reused if the map has it).
    var registrationCodes = map.footprints.codes
    var registrationNames = map.footprintNames
    let registrationUnallocated: Int32
    if let u = map.footprints.find(Crosswalk.unallocated) {
      registrationUnallocated = u
    } else {
      registrationUnallocated = Int32(registrationCodes.count)
      registrationCodes.append(Crosswalk.unallocated)
      registrationNames.append("")
    }

    // Each counted unit's registration index, resolved once per unit rather than per row.
    var unitRegistration = [Int32](repeating: registrationUnallocated, count: counts.units.count)
    var unitInMap = [UInt8](repeating: 0, count: counts.units.count)  // 0 missing, 1 mapped, 2 blank
    var unitCodes: [String] = []
    unitCodes.reserveCapacity(counts.units.count)
    for u in 0..<counts.units.count {
      let code = counts.units.code(Int32(u))
      unitCodes.append(code)
      if let mapped = map.units.find(code) {
        let f = map.unitFootprint[Int(mapped)]
        if f >= 0 {
          unitRegistration[u] = f
          unitInMap[u] = 1
        } else {
          unitInMap[u] = 2
        }
      }
    }

    // Dense accumulation when the matrix is small (the usual ICB/sub-ICB/PCN case), sparse
    // otherwise (e.g. LSOA × PCN). Both add the same terms in the same row order, so the sums
    // are identical either way.
    let columnCount = registrationCodes.count
    let dense = residenceCodes.count * columnCount <= 1 << 22
    var denseCells = [Double](repeating: 0, count: dense ? residenceCodes.count * columnCount : 0)
    var sparseCells: [Int64: Double] = [:]
    var unitResidence: [Int64: Double] = [:]
    var unknownZonePatients = [Double](repeating: 0, count: counts.unknownZones.count)
    var unknownZoneRows = [Int](repeating: 0, count: counts.unknownZones.count)
    var unitPatients = [Double](repeating: 0, count: counts.units.count)
    var unitRows = [Int](repeating: 0, count: counts.units.count)
    var remainderPatients = 0.0
    var remainderZones = Set<Int32>()
    let ru = Int(residenceUnallocated)
    counts.rowUnit.withUnsafeBufferPointer { rowUnit in
      counts.rowZone.withUnsafeBufferPointer { rowZone in
        counts.rowCount.withUnsafeBufferPointer { rowCount in
          crosswalk.zoneStart.withUnsafeBufferPointer { zoneStart in
            crosswalk.entryFootprint.withUnsafeBufferPointer { entryFootprint in
              crosswalk.entryWeight.withUnsafeBufferPointer { entryWeight in
                for i in 0..<rowCount.count {
                  let unit = Int(rowUnit[i])
                  let n = rowCount[i]
                  let b = Int(unitRegistration[unit])
                  unitPatients[unit] += n
                  unitRows[unit] += 1
                  let z = rowZone[i]
                  if z < 0 {
                    let k = Int(-1 - z)
                    unknownZonePatients[k] += n
                    unknownZoneRows[k] += 1
                    if dense { denseCells[ru * columnCount + b] += n } else { sparseCells[Int64(ru) << 32 | Int64(b), default: 0] += n }
                    if keepUnitBreakdown { unitResidence[Int64(unit) << 32 | Int64(ru), default: 0] += n }
                    continue
                  }
                  for e in Int(zoneStart[Int(z)])..<Int(zoneStart[Int(z) + 1]) {
                    let a = Int(entryFootprint[e])
                    let share = entryWeight[e] * n
                    if dense { denseCells[a * columnCount + b] += share } else { sparseCells[Int64(a) << 32 | Int64(b), default: 0] += share }
                    if keepUnitBreakdown { unitResidence[Int64(unit) << 32 | Int64(a), default: 0] += share }
                    if a == ru {
                      remainderPatients += share
                      remainderZones.insert(z)
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    var cells = sparseCells
    if dense {
      for (index, value) in denseCells.enumerated() where value != 0 {
        cells[Int64(index / columnCount) << 32 | Int64(index % columnCount)] = value
      }
    }

    self.residenceCodes = residenceCodes
    self.residenceNames = residenceNames
    self.registrationCodes = registrationCodes
    self.registrationNames = registrationNames
    self.cells = cells.filter { $0.value != 0 }
    self.patientsCounted = counts.total
    self.unitResidence = unitResidence
    self.unitCodes = unitCodes
    self.unitNames = counts.unitNames.indices.map { u -> String in
      if !counts.unitNames[u].isEmpty { return counts.unitNames[u] }
      return map.units.find(unitCodes[u]).map { map.unitNames[Int($0)] } ?? ""
    }
    self.unitRegistration = unitRegistration
    var inMap = [Int](repeating: 0, count: registrationCodes.count), inFile = inMap
    let list = practiceList ?? map
    for u in 0..<list.units.count {
      let f = list.unitFootprint[u]
      guard f >= 0, let b = map.footprints.find(list.footprints.code(f)) else { continue }
      inMap[Int(b)] += 1
      if counts.units.find(list.units.code(Int32(u))) != nil { inFile[Int(b)] += 1 }
    }
    practicesInMap = inMap
    practicesInFile = inFile

    var account = RunAccount()
    // The registrations' vintage, and a mismatch with the crosswalk's when the code sets show one.
    let crosswalkCensus = ZoneCodeCensus(crosswalk.zones)
    account.append(contentsOf: VintageCheck.account(table: counts.zoneCensus, role: counts.summary.role, file: counts.summary.file, against: crosswalkCensus))
    Self.reportResidence(
      counts: counts, crosswalk: crosswalk, crosswalkCensus: crosswalkCensus, patients: unknownZonePatients, rows: unknownZoneRows,
      remainderPatients: remainderPatients, remainderZones: remainderZones.count, account: &account)
    Self.reportRegistration(
      unitCodes: unitCodes, inMap: unitInMap, patients: unitPatients, rows: unitRows, map: map, account: &account)
    Self.reportOneSided(crosswalk: crosswalk, map: map, account: &account)
    // Every tally counts patients of the registrations' rows.
    account.attribute(to: counts.summary.file)
    self.account = account
  }

  /// Residence side: patients in zones the crosswalk does not know, by reason and code.
  private static func reportResidence(
    counts: UnitZoneCounts, crosswalk: Crosswalk, crosswalkCensus: ZoneCodeCensus, patients: [Double], rows: [Int],
    remainderPatients: Double, remainderZones: Int, account: inout RunAccount
  ) {
    let classifier = ZoneCodeClassifier(entity: crosswalk.zoneLookup.entity)
    var byKind: [ZoneCodeKind: [String: (rows: Int, amount: Double)]] = [:]
    for k in 0..<counts.unknownZones.count {
      let code = counts.unknownZones.code(Int32(k))
      byKind[classifier.classify(code), default: [:]][code] = (rows[k], patients[k])
    }
    let entity = classifier.entity ?? "zone"
    let destination = "residence footprint UNALLOCATED"
    let pseudo = Tally(reason: "patients with a pseudo residence code", unit: "patients", destination: destination, byCode: byKind[.pseudo] ?? [:])
    let nation = Tally(reason: "patients living in another nation", unit: "patients", destination: destination, byCode: byKind[.otherNation] ?? [:])
    let unknown = Tally(reason: "patients in \(entity) codes the crosswalk does not know", unit: "patients", destination: destination, byCode: byKind[.sameEntity] ?? [:])
    var other = byKind[.otherEntity] ?? [:]
    other.merge(byKind[.unrecognised] ?? [:]) { a, _ in a }
    let unrecognised = Tally(reason: "patients in unrecognised zone codes", unit: "patients", destination: destination, byCode: other)
    let blank = Tally(reason: "patients with a blank zone code", unit: "patients", destination: destination, byCode: byKind[.blank] ?? [:])
    account.exclude(pseudo)
    account.exclude(nation)
    account.lose(unknown)
    account.lose(unrecognised)
    account.lose(blank)
    var remainder = Tally(reason: "patients in the unallocated part of crosswalk zones (\(remainderZones) zones)", unit: "patients", destination: destination)
    remainder.amount = remainderPatients
    account.lose(remainder)

    let unmatched = unknown.amount + unrecognised.amount
    if counts.total > 0 && unmatched / counts.total > 0.01 {
      let share = (unmatched / counts.total * 1000).rounded() / 10
      var message = "\(share)% of patients (\(NumberFormat.csv(unmatched))) live in zone codes the crosswalk does not know. The likely cause is a vintage mismatch between the registrations and the crosswalk, e.g. LSOA 2021 codes against a 2011 lookup"
      let hint = vintageHint(unknown: unknown.codes.map(\.code), known: crosswalk.zones.codes)
      if let hint { message += "; \(hint)" }
      // The advice (which recode fixes it) is worded by whoever shows the warning: the
      // crosswalk's vintage when its codes tell, else the older one when the registrations hold
      // 2021 codes numbered above every crosswalk code.
      let table = counts.zoneCensus.vintage
      let recodeTo = crosswalkCensus.vintage.definite ?? (table == .lsoa2021 && hint != nil ? .lsoa2011 : nil)
      account.vintageMismatch(VintageMismatch(
        role: counts.summary.role, file: counts.summary.file, tableVintage: table, crosswalkVintage: crosswalkCensus.vintage,
        recodeTo: recodeTo, evidence: .unmatchedCodes, problem: message + "."))
    }
  }

  /// When most unknown codes are numbered above every known code, say so: new codes are
  /// numbered after old ones, so this points to a newer vintage than the crosswalk's.
  private static func vintageHint(unknown: [String], known: [String]) -> String? {
    guard let maxKnown = known.filter(ZoneCodeClassifier.isGSS).max(), !unknown.isEmpty else { return nil }
    let above = unknown.filter { ZoneCodeClassifier.isGSS($0) && $0.prefix(3) == maxKnown.prefix(3) && $0 > maxKnown }.count
    guard above * 2 > unknown.count else { return nil }
    return "\(above) of the \(unknown.count) unknown codes are numbered above the crosswalk's highest code \(maxKnown), typical of a newer vintage"
  }

  /// Registration side: practices missing from the map or with a blank footprint.
  private static func reportRegistration(
    unitCodes: [String], inMap: [UInt8], patients: [Double], rows: [Int], map: UnitFootprintMap, account: inout RunAccount
  ) {
    var missing: [String: (rows: Int, amount: Double)] = [:]
    var blank: [String: (rows: Int, amount: Double)] = [:]
    for u in unitCodes.indices {
      if inMap[u] == 0 { missing[unitCodes[u]] = (rows[u], patients[u]) }
      if inMap[u] == 2 { blank[unitCodes[u]] = (rows[u], patients[u]) }
    }
    let destination = "registration footprint UNALLOCATED"
    account.lose(Tally(reason: "patients of practices missing from the practice map (closed or merged?)", unit: "patients", destination: destination, byCode: missing))
    account.lose(Tally(reason: "patients of practices with no \(map.footprintColumn)", unit: "patients", destination: destination, byCode: blank))
  }

  /// Footprint codes that appear on one side only (different code systems or vintages).
  private static func reportOneSided(crosswalk: Crosswalk, map: UnitFootprintMap, account: inout RunAccount) {
    let residence = Set(crosswalk.realFootprintCodes)
    let registration = Set(map.footprints.codes.filter { $0 != Crosswalk.unallocated })
    let onlyResidence = residence.subtracting(registration).sorted(by: CrosswalkBuilder.byteOrder)
    let onlyRegistration = registration.subtracting(residence).sorted(by: CrosswalkBuilder.byteOrder)
    account.oneSided(OneSidedCodes(first: "crosswalk (residence)", second: "practice map (registration)", onlyFirst: onlyResidence, onlySecond: onlyRegistration))
    if residence.intersection(registration).isEmpty && !residence.isEmpty && !registration.isEmpty {
      let r = onlyResidence.first!, g = onlyRegistration.first!
      account.warn(
        "the crosswalk and the practice map share no footprint code (e.g. \(r) vs \(g)): retention and capture will all be 0. They probably use different code systems (ONS E54… vs ODS codes such as QNC) or vintages; choose a practice map column with the crosswalk's codes, e.g. ONS_ICB_CODE")
    }
  }
}
