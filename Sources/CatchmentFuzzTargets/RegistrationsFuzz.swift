import CatchmentAnalysis
import CatchmentCore

/// Registrations (NHS "Patients Registered at a GP Practice" by LSOA), default columns, in
/// one pass and in two pieces read at once (the parallel path, forced for small inputs).
public enum RegistrationsFuzz {
  public static func run(_ data: [UInt8]) {
    guard let crosswalk = CSVFuzzSupport.crosswalk else { return }
    let path = ScratchFiles.write(data, as: "registrations.csv")
    _ = try? UnitZoneCounts(path: path, crosswalk: crosswalk, workers: 1)
    _ = try? UnitZoneCounts(path: path, crosswalk: crosswalk, workers: 2, parallelAbove: 0)
  }
}
