import CatchmentGeoIO
import CatchmentGeometry

/// A postcode directory (ONSPD/NSPL with a header, or Code-Point Open without), looked up for
/// a few postcodes of the demo data and fixtures; and the same bytes as an ODS practice list
/// (`epraccur`: code in column 1, postcode in column 10).
public enum PostcodesFuzz {
  static let wanted: Set<String> = ["XD132QF", "XD242WE", "AA11AA", "BB11BB", "CC11CC"]

  public static func run(_ data: [UInt8]) {
    let path = ScratchFiles.write(data, as: "postcodes.csv")
    _ = try? PostcodeDirectory.lookUp(wanted, in: [path], layout: nil, crs: .epsg(27700))
    _ = try? PracticeList.read(path: path, code: "1", postcode: "10")
  }
}
