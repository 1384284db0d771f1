import CatchmentCore
import Foundation
import Testing

@testable import CatchmentInputs

/// The bridge for steps that still record into a report they are handed
/// (``RunAccount/capture(_:)``): what such a step records, captured and appended to an account,
/// gives a run's report the bytes (text and JSON) it would have had from the step writing into it.
@Suite struct ReportCaptureTests {
  /// A step that records one of everything, with warnings and notes that name codes
  /// interleaved (their complete lists share one list in the report), a note given twice, and
  /// an input without data rows after a warning (the report warns about it itself).
  static func step(_ report: RunReport) {
    let codes = (1...11).map { "E0100000\($0)" }
    report.warn("first warning")
    report.add(InputSummary(role: "population", file: "empty.csv"))
    report.note("zones placed by a point inside them", codes: ["z2", "z1"])
    report.warn("blocks not in the base", codes: codes, maxCodes: 3)
    report.note("plain note")
    report.note("plain note")
    report.warn("zones in two footprints", codes: codes)
    report.note("last note", codes: ["a"], maxCodes: 0)
    report.exclude(Tally(reason: "other nations", unit: "population", byCode: ["W01000001": (1, 30)]))
    report.lose(Tally(reason: "no footprint", unit: "zones", destination: "UNALLOCATED", byCode: ["E01000009": (1, 1)]))
    report.repeated(Tally(reason: "repeated rows", unit: "rows", byCode: ["E01000001": (2, 2)]))
    report.place(RulePlacement(rule: "snapped", unit: "metres", byCode: ["z4": 105]))
    report.oneSided(OneSidedCodes(first: "crosswalk", second: "map", onlyFirst: ["X"], onlySecond: []))
    report.figure("zones placed", 3)
  }

  /// A report that already holds some of what the step records (dedup is by the target's rules).
  static func started() -> RunReport {
    let report = RunReport(command: "t")
    report.note("plain note")
    report.warn("an earlier warning")
    report.lose(Tally(reason: "no footprint", unit: "zones", destination: "UNALLOCATED", byCode: ["E01000009": (1, 1)]))
    return report
  }

  @Test func aCapturedStepGivesTheReportItWouldHaveWritten() throws {
    let direct = Self.started()
    Self.step(direct)
    let viaAccount = Self.started()
    var account = RunAccount()
    account.capture { Self.step($0) }
    viaAccount.record(account)
    #expect(viaAccount.text() == direct.text())
    #expect(try viaAccount.jsonData() == direct.jsonData())
    #expect(direct.lists.count == 4)
  }

  @Test func aCapturedSideMergesAsTheSideReportDid() throws {
    let direct = Self.started()
    let side = RunReport(command: "t")
    Self.step(side)
    direct.merge(side, label: "proposal")
    let viaAccount = Self.started()
    var account = RunAccount()
    account.capture { Self.step($0) }
    viaAccount.merge(account, label: "proposal")
    #expect(viaAccount.text() == direct.text())
    #expect(try viaAccount.jsonData() == direct.jsonData())
  }

  /// The value of the captured step comes back, and a step that throws leaves the account as it was.
  @Test func theStepsValueComesBackAndAThrowLeavesNothing() {
    struct Refused: Error {}
    var account = RunAccount()
    let value = account.capture { report -> Int in
      report.figure("one", 1)
      return 7
    }
    #expect(value == 7 && account.entries == [.figure("one", 1)])
    #expect(throws: Refused.self) {
      try account.capture { report in
        report.figure("two", 2)
        throw Refused()
      }
    }
    #expect(account.entries == [.figure("one", 1)])
  }
}
