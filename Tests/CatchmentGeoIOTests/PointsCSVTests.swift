import CatchmentGeometry
import CatchmentTables
import CatchmentTestSupport
import Testing

@testable import CatchmentGeoIO

@Suite struct PointsCSVTests {
  let columns = PointsCSV.Columns(id: "lsoa11cd", x: "X", y: "Y")

  @Test func onsCentroidLayoutWithByteOrderMark() throws {
    // The layout of ONS's LSOA11_PWC file: BOM, X,Y first (longitude, latitude).
    let path = try temporaryFile(
      "\u{FEFF}X,Y,objectid,lsoa11cd,lsoa11nm\n-1.494513240643613,54.972006162608636,1001,E01008657,South Tyneside 009F\n"
        + "-1.49884530541205,54.97718852480282,1002,E01008654,South Tyneside 009D\n")
    let points = try PointsCSV.read(path: path, columns: columns, crs: .crs84)
    #expect(points.ids == ["E01008657", "E01008654"])
    #expect(points.xs == [-1.494513240643613, -1.49884530541205])
    #expect(points.ys == [54.972006162608636, 54.97718852480282])
    #expect(points.crs == .crs84)
    #expect(points.origins == ["\(path):2", "\(path):3"])
  }

  @Test func badNumberNamesFileAndLine() throws {
    let path = try temporaryFile("lsoa11cd,X,Y\nE01000001,530000,180000\nE01000002,5300o0,180000\n")
    let error = #expect(throws: TableError.self) { try PointsCSV.read(path: path, columns: columns, crs: .epsg(27700)) }
    #expect(error?.file == path)
    #expect(error?.line == 3)
  }

  /// The error names the column's role, which the CLI maps to its option (`--centroid-id`).
  @Test func missingColumnNamesItsRole() throws {
    let path = try temporaryFile("code,X,Y\nE01000001,530000,180000\n")
    let error = #expect(throws: TableError.self) { try PointsCSV.read(path: path, columns: columns, crs: .epsg(27700)) }
    #expect(error?.description.contains("for the point id;") == true)
    #expect(error?.missingColumnRole == "point id")
  }

  @Test func emptyIdIsAnError() throws {
    let path = try temporaryFile("lsoa11cd,X,Y\n ,530000,180000\n")
    let error = #expect(throws: TableError.self) { try PointsCSV.read(path: path, columns: columns, crs: .epsg(27700)) }
    #expect(error?.line == 2)
  }
}
