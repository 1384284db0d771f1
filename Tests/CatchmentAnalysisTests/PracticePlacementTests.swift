import CatchmentCore
import Testing

@testable import CatchmentAnalysis

/// Two placement sources over the tiny registrations (P1: 123 patients, P2: 1,067, P3: 32):
/// the map puts P1 in E38000001 and P2 in E38000002 and lacks P3; postcodes put P1 in
/// E38000002 (a disagreement), P2 in E38000002, P3 in E38000001, and P8 (no patients) in
/// E38000001 while the map has it in E38000002 (a disagreement without patients).
@Suite struct PracticePlacementTests {
  let run: TinyRun
  let map: UnitFootprintMap
  let located: UnitFootprintMap

  init() throws {
    run = try TinyRun()
    map = UnitFootprintMap(
      placements: [("P1", "E38000001"), ("P2", "E38000002"), ("P8", "E38000002")], footprints: ["E38000001", "E38000002"], footprintNames: [:],
      source: "ONS_CCG_CODE")
    located = UnitFootprintMap(
      placements: [("P1", "E38000002"), ("P2", "E38000002"), ("P3", "E38000001"), ("P8", "E38000001")], footprints: ["E38000001", "E38000002"],
      footprintNames: [:], source: "location")
  }

  func footprint(_ placement: PracticePlacement, _ unit: String) -> String? {
    guard let u = placement.map.units.find(unit) else { return nil }
    let f = placement.map.unitFootprint[Int(u)]
    return f >= 0 ? placement.map.footprints.code(f) : nil
  }

  @Test func mapFirstFillsFromPostcodes() {
    let placement = PracticePlacement(order: [.map, .postcode], map: map, located: located, counts: run.counts)
    #expect(footprint(placement, "P1") == "E38000001")
    #expect(footprint(placement, "P3") == "E38000001")
    #expect(placement.disagreements == [
      .init(practice: "P1", byMap: "E38000001", byPostcode: "E38000002", patients: 123, used: "E38000001"),
      .init(practice: "P8", byMap: "E38000002", byPostcode: "E38000001", patients: 0, used: "E38000002"),
    ])
    #expect(placement.filledBySecond.practices == 1 && placement.filledBySecond.withPatients == 1 && placement.filledBySecond.patients == 32)
    let report = RunReport(command: "test")
    report.record(placement.account())
    #expect(report.warnings.count == 1)
    #expect(report.warnings.first?.hasPrefix("1 practices with patients in this file") == true)
    #expect(report.notes.contains { $0.hasPrefix("1 further practices") })
  }

  @Test func postcodeFirstFillsFromTheMap() {
    let placement = PracticePlacement(order: [.postcode, .map], map: map, located: located, counts: run.counts)
    #expect(footprint(placement, "P1") == "E38000002")
    #expect(footprint(placement, "P8") == "E38000001")
    #expect(placement.disagreements.map(\.used) == ["E38000002", "E38000001"])
    #expect(placement.filledBySecond.practices == 0)
  }

  @Test func oneSourceAloneLeavesWhatItLacksUnplaced() {
    let placement = PracticePlacement(order: [.map], map: map, located: located, counts: run.counts)
    #expect(footprint(placement, "P3") == nil)
    #expect(placement.disagreements.count == 2)
  }
}
