import CatchmentAnalysis
import CatchmentCore
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentInputs

/// `compare`'s two sides return their findings as accounts (issue 10): the baseline's to be
/// recorded in the run's report, the proposal's to be merged labelled `proposal`, so the
/// proposal's losses reach the report and `--strict`.
@Suite struct FootprintComparisonAccountsTests {
  /// Zones E01000001 (100 people) and E01000002 (500), each in the footprint given, or
  /// UNALLOCATED for nil.
  func crosswalk(_ rows: [(String, String?)]) throws -> Crosswalk {
    var builder = CrosswalkBuilder(source: "t")
    for (zone, footprint) in rows { builder.add(zone: zone, footprint: footprint, weight: footprint == nil ? 0 : 1) }
    return try builder.build(method: "lookup")
  }

  @Test func theProposalsLossIsInItsOwnAccountAndReachesTheReportLabelled() throws {
    let population = try temporaryFile("code,pop\nE01000001,100\nE01000002,500\n")
    let comparison = FootprintComparison(populationPath: population, populationColumns: PopulationColumns(id: "code", value: "pop"))
    let result = try comparison.run(
      baseline: try crosswalk([("E01000001", "A"), ("E01000002", "A")]), proposal: try crosswalk([("E01000001", "X"), ("E01000002", nil)]))
    let losses: (RunAccount) -> [Tally] = { account in
      account.entries.compactMap { if case .loss(let tally) = $0, !tally.isEmpty { tally } else { nil } }
    }
    #expect(losses(result.baselineAccount).isEmpty)
    let proposalLosses = losses(result.proposalAccount)
    #expect(proposalLosses.count == 1 && proposalLosses.first?.amount == 500)
    let report = RunReport(command: "compare")
    report.record(result.baselineAccount)
    report.merge(result.proposalAccount, label: "proposal")
    #expect(report.hasStrictFailures)
    #expect(report.losses.map(\.reason) == ["proposal: \(proposalLosses[0].reason)"])
  }
}
