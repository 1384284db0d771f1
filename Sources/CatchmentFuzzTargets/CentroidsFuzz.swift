import CatchmentGeoIO
import CatchmentGeometry

/// Zone centroids (`PointsCSV`), the demo's columns `x`, `y`, `LSOA21CD`.
public enum CentroidsFuzz {
  public static func run(_ data: [UInt8]) {
    let path = ScratchFiles.write(data, as: "centroids.csv")
    _ = try? PointsCSV.read(path: path, columns: PointsCSV.Columns(id: "LSOA21CD", x: "x", y: "y"), crs: .epsg(27700))
  }
}
