import CatchmentCore

/// A crosswalk CSV as `catchment crosswalk` writes it (`Crosswalk.read`).
public enum CrosswalkFuzz {
  public static func run(_ data: [UInt8]) {
    let path = ScratchFiles.write(data, as: "crosswalk.csv")
    _ = try? Crosswalk.read(path: path)
  }
}
