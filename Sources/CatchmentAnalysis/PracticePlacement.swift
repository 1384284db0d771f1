import CatchmentCore
import CatchmentTables

/// Where a practice's registration footprint can come from.
public enum PlacementSource: String, Sendable, CaseIterable {
  /// The practice map (NHS gp-reg-pat-prac-map.csv): the footprint NHS England records.
  case map
  /// The practice's postcode, located in a footprint polygon.
  case postcode
}

/// The registration footprint of each practice from two sources, the first in `order` used
/// where it places the practice and the second only for practices the first lacks.
///
/// A source *lacks* a practice when it does not list it, or lists it without a footprint (a
/// blank map column; a postcode the directory does not hold, or outside every footprint).
/// Practices placed by both sources in different footprints are *disagreements*: each is kept
/// with the patients the registrations file holds for it, so that an analyst can review them.
/// Most disagreements in a practice-side extract concern practices with no patients in the
/// file (23 of 29 for Pennine Lancashire, April 2020); those are counted apart from the ones
/// whose patients the choice of source moves.
///
///     let placement = PracticePlacement(order: [.map, .postcode], map: map, located: located, counts: counts)
///     placement.map            // one UnitFootprintMap for FlowMatrix
///     placement.disagreements  // by practice code
public struct PracticePlacement: Sendable {
  /// A practice the two sources put in different footprints.
  public struct Disagreement: Sendable, Equatable {
    public var practice: String
    public var byMap: String
    public var byPostcode: String
    /// Patients of the practice in the registrations file (0 when it has none).
    public var patients: Double
    /// The footprint used (the first source's).
    public var used: String
  }

  /// The merged registration side.
  public let map: UnitFootprintMap
  /// Every disagreement, in byte order of practice code.
  public let disagreements: [Disagreement]
  /// Practices placed by the second source because the first lacks them, how many of them
  /// have patients in the file, and those patients.
  public let filledBySecond: (practices: Int, withPatients: Int, patients: Double)
  public let order: [PlacementSource]

  /// Merges `map` (the practice map) and `located` (practices placed by postcode) in `order`.
  ///
  /// - Parameters:
  ///   - order: the source tried first, then the other (`[.map, .postcode]` by default); a
  ///     single source uses that one alone (the practices it lacks go to UNALLOCATED), still
  ///     listing the disagreements.
  ///   - counts: the registrations, for each practice's patients in this file.
  public init(order: [PlacementSource] = [.map, .postcode], map: UnitFootprintMap, located: UnitFootprintMap, counts: UnitZoneCounts) {
    self.order = order
    let first = order.first ?? .map
    let usesSecond = order.count > 1
    var patients: [String: Double] = [:]
    for i in counts.rowUnit.indices { patients[counts.units.code(counts.rowUnit[i]), default: 0] += counts.rowCount[i] }

    func footprint(_ source: UnitFootprintMap, _ unit: String) -> String? {
      guard let u = source.units.find(unit) else { return nil }
      let f = source.unitFootprint[Int(u)]
      return f >= 0 ? source.footprints.code(f) : nil
    }
    var names: [String: String] = [:]
    for source in [map, located] {
      for f in 0..<source.footprints.count where names[source.footprints.code(Int32(f))] == nil {
        let name = source.footprintNames[f]
        if !name.isEmpty { names[source.footprints.code(Int32(f))] = name }
      }
    }
    var unitNames: [String: String] = [:]
    for u in 0..<map.units.count where !map.unitNames[u].isEmpty { unitNames[map.units.code(Int32(u))] = map.unitNames[u] }

    // Every practice either source knows, map order first then the others: a fixed order.
    var units: [String] = (0..<map.units.count).map { map.units.code(Int32($0)) }
    for u in 0..<located.units.count where map.units.find(located.units.code(Int32(u))) == nil {
      units.append(located.units.code(Int32(u)))
    }
    var placements: [(unit: String, footprint: String?)] = []
    var disagreements: [Disagreement] = []
    var filled = 0, filledWithPatients = 0, filledPatients = 0.0
    for unit in units {
      let byMap = footprint(map, unit), byPostcode = footprint(located, unit)
      let (preferred, other) = first == .map ? (byMap, byPostcode) : (byPostcode, byMap)
      let used = preferred ?? (usesSecond ? other : nil)
      placements.append((unit, used))
      if usesSecond && preferred == nil && other != nil {
        filled += 1
        filledPatients += patients[unit] ?? 0
        if (patients[unit] ?? 0) > 0 { filledWithPatients += 1 }
      }
      if let byMap, let byPostcode, byMap != byPostcode {
        disagreements.append(Disagreement(practice: unit, byMap: byMap, byPostcode: byPostcode, patients: patients[unit] ?? 0, used: used ?? ""))
      }
    }
    let footprints = map.footprints.codes + located.footprints.codes
    let source = first == .map
      ? "\(map.footprintColumn) in the practice map nor a location by postcode"
      : "location by postcode nor \(map.footprintColumn) in the practice map"
    self.map = UnitFootprintMap(placements: placements, footprints: footprints, footprintNames: names, source: source, unitNames: unitNames)
    self.disagreements = disagreements.sorted { CrosswalkBuilder.byteOrder($0.practice, $1.practice) }
    filledBySecond = (filled, filledWithPatients, filledPatients)
  }

  /// How the sources were combined, as an account: disagreements moving patients as a
  /// warning (count, patients, first codes), those with no patients in the file as a note,
  /// and the practices the second source placed.
  public func account() -> RunAccount {
    var account = RunAccount()
    let first = order.first ?? .map, second: PlacementSource = first == .map ? .postcode : .map
    if order.count == 1 {
      account.note("practices placed by \(first == .map ? "the practice map" : "postcode") only; those it lacks go to the registration footprint UNALLOCATED")
    }
    let moving = disagreements.filter { $0.patients > 0 }
    let idle = disagreements.count - moving.count
    if disagreements.isEmpty {
      account.note("the practice map and the practices' postcodes agree for every practice placed by both")
    } else {
      let list = moving.map { "\($0.practice) (map \($0.byMap), postcode \($0.byPostcode), \(NumberFormat.csv($0.patients)) patients)" }
      if !moving.isEmpty {
        let total = moving.reduce(0) { $0 + $1.patients }
        account.warn(
          "\(moving.count) practices with patients in this file are in one footprint by the practice map and another by postcode; the \(first == .map ? "map" : "postcode") is used for them (\(NumberFormat.csv(total)) patients)",
          codes: list)
      }
      if idle > 0 {
        account.note("\(idle) further practices are in one footprint by the practice map and another by postcode but have no patients in this file (no effect on the flows)")
      }
    }
    account.figure("practices disagreeing between map and postcode, with patients in this file", Double(moving.count))
    account.figure("practices disagreeing between map and postcode, without patients in this file", Double(idle))
    if filledBySecond.practices > 0 {
      account.note(
        "\(filledBySecond.practices) practices that the \(first == .map ? "practice map" : "postcode placement") lacks were placed by \(second == .map ? "the practice map" : "postcode"); \(filledBySecond.withPatients) of them have patients in this file (\(NumberFormat.csv(filledBySecond.patients)) patients)")
    }
    return account
  }

  /// The disagreements as a table: practice_code, footprint_by_map, footprint_by_postcode,
  /// patients_in_file, footprint_used.
  public func disagreementsCSV(byteOrderMark: Bool = false) -> CSVWriter {
    var out = CSVWriter(
      header: ["practice_code", "footprint_by_map", "footprint_by_postcode", "patients_in_file", "footprint_used"], byteOrderMark: byteOrderMark)
    for d in disagreements { out.append([d.practice, d.byMap, d.byPostcode, NumberFormat.csv(d.patients), d.used]) }
    return out
  }
}
