import CatchmentCore
import CatchmentTables

/// Resident population per footprint: P(f) = Σz w(z,f)·pop(z).
///
/// Every zone's weights sum to 1, so Σf P(f) (``Crosswalk/unallocated`` included) equals
/// Σz pop(z): population is conserved, and whatever the crosswalk leaves unallocated is shown
/// in its own row rather than vanishing.
public struct ResidentPopulation: Sendable {
  /// P(f) by crosswalk footprint id.
  public let byFootprint: [Double]
  /// The crosswalk the populations are expressed in.
  public let crosswalk: Crosswalk
  /// The population read, Σz pop(z) summed in zone order: Σf P(f) but for rounding (the
  /// figure "population counted").
  public let counted: Double

  /// Allocates `population` over `crosswalk`'s footprints.
  ///
  /// Sums run over zones in code order, so the result never depends on input row order.
  /// - Complexity: O(entries of the crosswalk).
  public init(population: ZonePopulation, crosswalk: Crosswalk) {
    var totals = Array(repeating: 0.0, count: crosswalk.footprints.count)
    for z in 0..<crosswalk.zones.count {
      let pop = population.values[z]
      if pop == 0 { continue }
      for e in crosswalk.entries(ofZone: Int32(z)) {
        totals[Int(crosswalk.entryFootprint[e])] += crosswalk.entryWeight[e] * pop
      }
    }
    byFootprint = totals
    self.crosswalk = crosswalk
    var counted = 0.0
    for v in population.values { counted += v }
    self.counted = counted
  }

  /// P(f) for footprint `code`, or nil when the crosswalk has no such footprint.
  public func population(of code: String) -> Double? {
    crosswalk.footprints.find(code).map { byFootprint[Int($0)] }
  }

  /// The population left unallocated by the crosswalk.
  public var unallocated: Double { crosswalk.unallocatedID.map { byFootprint[Int($0)] } ?? 0 }

  /// The unallocated population, when there is some, as a loss: people the crosswalk puts in no
  /// footprint (`populations`, and each side of `compare`). Empty when there is none.
  public func unallocatedLoss() -> RunAccount {
    var account = RunAccount()
    guard unallocated > 0 else { return account }
    var t = Tally(reason: "population in the unallocated part of crosswalk zones", unit: "population", destination: "footprint UNALLOCATED")
    t.amount = unallocated
    account.lose(t)
    return account
  }

  /// The table `footprint_id,footprint_name,population`: every real footprint of the
  /// crosswalk in code order (0 when it has no population), then `UNALLOCATED` when non-zero.
  public func csv(numbers: NumberFormat = .readable, byteOrderMark: Bool = false) -> CSVWriter {
    var out = CSVWriter(header: ["footprint_id", "footprint_name", "population"], byteOrderMark: byteOrderMark)
    let u = crosswalk.unallocatedID
    for f in 0..<crosswalk.footprints.count where Int32(f) != u {
      out.row(crosswalk.footprints.code(Int32(f)), crosswalk.footprintNames[f], numbers.people(byFootprint[f]))
    }
    if let u, byFootprint[Int(u)] != 0 {
      out.row(Crosswalk.unallocated, "", numbers.people(byFootprint[Int(u)]))
    }
    return out
  }
}
