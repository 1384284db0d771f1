import CatchmentCore
import CatchmentGeoIO
import CatchmentGeometry

/// A postcode directory to look postcodes up in (ONSPD/NSPL, OS Code-Point Open, or another
/// layout), for placing practices, sites and headquarters.
public struct PostcodeSpec: Sendable, Equatable {
  /// Postcode, x and y columns, as names or 1-based positions: the reader's own layout.
  public typealias Columns = PostcodeDirectory.Layout

  /// Directory files or folders.
  public var paths: [String]
  /// Another layout's columns; nil for the layouts recognised by their header or width.
  public var columns: Columns?
  /// The CRS of the coordinates.
  public var crs: CRSReference

  public init(paths: [String], columns: Columns? = nil, crs: CRSReference) {
    self.paths = paths
    self.columns = columns
    self.crs = crs
  }

  /// The points of the `wanted` postcodes (normalised) that the directory holds, in ``crs``,
  /// keyed by normalised postcode; the rows read are in the account.
  public func lookUp(_ wanted: Set<String>) throws -> (points: [String: (x: Double, y: Double)], account: RunAccount) {
    let directory = try PostcodeDirectory.lookUp(wanted, in: paths, layout: columns, crs: crs)
    var account = RunAccount()
    account.figure("postcode rows read (\(directory.files) files)", Double(directory.rowsRead))
    return (directory.points, account)
  }
}
