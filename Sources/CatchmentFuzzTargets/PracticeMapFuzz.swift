import CatchmentAnalysis
import CatchmentCore

/// An NHS practice map (`gp-reg-pat-prac-map.csv`), footprints from `ONS_ICB_CODE` (names
/// inferred) and from `PCN_CODE` with a named name column.
public enum PracticeMapFuzz {
  public static func run(_ data: [UInt8]) {
    let path = ScratchFiles.write(data, as: "practice-map.csv")
    _ = try? UnitFootprintMap.read(path: path, columns: UnitMapColumns(footprint: "ONS_ICB_CODE"))
    _ = try? UnitFootprintMap.read(
      path: path, columns: UnitMapColumns(footprint: "PCN_CODE", footprintName: "PCN_NAME"))
  }
}
