// Benchmarks of the flows pipeline on a national-size registrations file.
//
// Input folder, first found of:
//   1. $CATCHMENT_BENCH_DATA
//   2. Benchmarks/work/national (written by `bash Benchmarks/peers/compare.sh --data-only`)
//   3. data/ (the small bundled demo region; figures then mean little)
// holding the published layouts: lsoa_sicbl_icb_lad_lookup.csv, gp_reg_pat_prac_lsoa.csv,
// gp_reg_pat_prac_map.csv. Columns default to LSOA21CD → ICB23CD and ONS_ICB_CODE;
// override with CATCHMENT_BENCH_ZONE, CATCHMENT_BENCH_FOOTPRINT, CATCHMENT_BENCH_PRACTICE_FOOTPRINT.
import Benchmark
import CatchmentAnalysis
import CatchmentCore
import CatchmentTables
import Foundation

struct BenchInput {
  let folder: String
  let lookup: String
  let registrations: String
  let practiceMap: String
  let zoneColumn: String
  let footprintColumn: String
  let practiceFootprintColumn: String

  static func locate() -> BenchInput {
    let env = ProcessInfo.processInfo.environment
    // #filePath: <root>/Benchmarks/FlowsBenchmark/FlowsBenchmark.swift
    let benchmarks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    let candidates = [
      env["CATCHMENT_BENCH_DATA"],
      benchmarks.appendingPathComponent("work/national").path,
      benchmarks.deletingLastPathComponent().appendingPathComponent("data").path,
    ].compactMap { $0 }.filter { !$0.isEmpty }
    let folder =
      candidates.first { FileManager.default.fileExists(atPath: $0 + "/gp_reg_pat_prac_lsoa.csv") }
      ?? candidates[0]
    return BenchInput(
      folder: folder,
      lookup: folder + "/lsoa_sicbl_icb_lad_lookup.csv",
      registrations: folder + "/gp_reg_pat_prac_lsoa.csv",
      practiceMap: folder + "/gp_reg_pat_prac_map.csv",
      zoneColumn: env["CATCHMENT_BENCH_ZONE"] ?? "LSOA21CD",
      footprintColumn: env["CATCHMENT_BENCH_FOOTPRINT"] ?? "ICB23CD",
      practiceFootprintColumn: env["CATCHMENT_BENCH_PRACTICE_FOOTPRINT"] ?? "ONS_ICB_CODE")
  }

  func crosswalk() throws -> Crosswalk {
    try Crosswalk.fromLookup(
      path: lookup, columns: LookupColumns(zone: zoneColumn, footprint: footprintColumn),
      report: RunReport(command: "benchmark"))
  }

  /// The whole flows job without output: lookup → crosswalk, registrations with the SEX rule,
  /// practice map, flow matrix.
  func flows() throws -> FlowMatrix {
    let report = RunReport(command: "benchmark")
    let crosswalk = try Crosswalk.fromLookup(
      path: lookup, columns: LookupColumns(zone: zoneColumn, footprint: footprintColumn), report: report)
    let counts = try UnitZoneCounts(path: registrations, crosswalk: crosswalk)
    let map = try UnitFootprintMap(
      path: practiceMap, columns: UnitMapColumns(footprint: practiceFootprintColumn), report: report)
    return FlowMatrix(counts: counts, crosswalk: crosswalk, map: map, report: report)
  }
}

let benchmarks: @Sendable () -> Void = {
  let input = BenchInput.locate()
  guard FileManager.default.fileExists(atPath: input.registrations) else {
    fatalError(
      "FlowsBenchmark: no input at \(input.folder). Generate it with `bash Benchmarks/peers/compare.sh --data-only` "
        + "or set CATCHMENT_BENCH_DATA to a folder with gp_reg_pat_prac_lsoa.csv.")
  }
  let fileBytes = (try? FileManager.default.attributesOfItem(atPath: input.registrations)[.size] as? Int) ?? 0

  let heavy = Benchmark.Configuration(
    metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal, .throughput],
    warmupIterations: 1,
    maxDuration: .seconds(15),
    maxIterations: 10,
    thresholds: nil
  )

  // Bytes → records: the CSV reader alone, touching every field of every record.
  Benchmark("CSV parse registrations (\(fileBytes >> 20) MiB)", configuration: heavy) { benchmark in
    for _ in benchmark.scaledIterations {
      let reader = try CSVReader(path: input.registrations)
      var fields = 0
      var bytes = 0
      try reader.forEachRecord { record in
        fields &+= record.count
        for i in 0..<record.count { bytes &+= record[i].rawBytes.count }
      }
      blackHole(fields)
      blackHole(bytes)
    }
  }

  // Registrations read as counts: parse + zone matching + SEX rule, crosswalk built beforehand.
  nonisolated(unsafe) var crosswalk: Crosswalk?
  Benchmark(
    "Registrations → UnitZoneCounts", configuration: heavy,
    closure: { benchmark in
      guard let crosswalk else { return }
      for _ in benchmark.scaledIterations {
        blackHole(try UnitZoneCounts(path: input.registrations, crosswalk: crosswalk))
      }
    },
    setup: { crosswalk = try input.crosswalk() },
    teardown: { crosswalk = nil })

  // The lookup alone: LSOA → ICB table read into a crosswalk.
  Benchmark("Lookup → Crosswalk", configuration: heavy) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(try input.crosswalk())
    }
  }

  // The matrix alone, from inputs read in setup: the per-row join and group-by.
  nonisolated(unsafe) var prepared: (Crosswalk, UnitZoneCounts, UnitFootprintMap)?
  Benchmark(
    "FlowMatrix from prepared inputs", configuration: heavy,
    closure: { benchmark in
      guard let (crosswalk, counts, map) = prepared else { return }
      for _ in benchmark.scaledIterations {
        let matrix = FlowMatrix(counts: counts, crosswalk: crosswalk, map: map, report: RunReport(command: "benchmark"))
        blackHole(matrix.cells.count)
      }
    },
    setup: {
      let report = RunReport(command: "benchmark")
      let crosswalk = try input.crosswalk()
      prepared = (
        crosswalk, try UnitZoneCounts(path: input.registrations, crosswalk: crosswalk),
        try UnitFootprintMap(path: input.practiceMap, columns: UnitMapColumns(footprint: input.practiceFootprintColumn), report: report)
      )
    },
    teardown: { prepared = nil })

  // The whole computation: lookup, registrations, practice map, flow matrix.
  Benchmark("Flows full (lookup + registrations + map + matrix)", configuration: heavy) { benchmark in
    for _ in benchmark.scaledIterations {
      let matrix = try input.flows()
      blackHole(matrix.cells.count)
    }
  }
}
