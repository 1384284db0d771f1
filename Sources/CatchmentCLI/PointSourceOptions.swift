import ArgumentParser
import CatchmentCore
import CatchmentGeometry
import CatchmentInputs
import Foundation

/// Zone centroids from CSV (`--centroids ...`), e.g. ONS population-weighted centroids.
struct CentroidOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Zone centroids CSV (e.g. ONS LSOA population-weighted centroids).", valueName: "file"))
  var centroids: String?

  @Option(name: .customLong("centroid-id"), help: ArgumentHelp("Centroid zone id column (e.g. lsoa11cd).", valueName: "column"))
  var centroidID: String?

  @Option(name: .customLong("centroid-x"), help: ArgumentHelp("Centroid x column (easting or longitude).", valueName: "column"))
  var centroidX = "X"

  @Option(name: .customLong("centroid-y"), help: ArgumentHelp("Centroid y column (northing or latitude).", valueName: "column"))
  var centroidY = "Y"

  @Option(name: .customLong("centroid-crs"), help: ArgumentHelp("CRS of the centroid coordinates (OGC:CRS84 for longitude/latitude, EPSG:27700 for British National Grid).", valueName: "crs"))
  var centroidCRS = CRSReference.crs84

  func validate() throws {
    if centroids != nil && centroidID == nil { throw ValidationError("--centroids needs --centroid-id COLUMN (e.g. lsoa11cd)") }
  }

  /// The centroids to read, or nil when none were given.
  var spec: CentroidSpec? {
    centroids.map { CentroidSpec(path: $0, idColumn: centroidID!, xColumn: centroidX, yColumn: centroidY, crs: CRSSetting(centroidCRS, label: "--centroid-crs")) }
  }

  /// The centroids in their own CRS (`centroidCRS`) with their account, or nil when none were given.
  func read() throws -> (layer: PointLayer, account: RunAccount)? {
    try spec?.read()
  }
}

/// A postcode directory (`--postcodes ...`), to place practices, sites and headquarters.
struct PostcodeOptions: ParsableArguments {
  @Option(parsing: .upToNextOption, help: ArgumentHelp("Postcode directory files or folders: ONSPD/NSPL (header; pcds, oseast1m, osnrth1m) or OS Code-Point Open (no header; columns 1, 3, 4).", valueName: "path"))
  var postcodes: [String] = []

  @Option(name: .customLong("postcode-columns"), help: ArgumentHelp("Postcode, x and y columns of another layout, as names or 1-based positions: 'pcd,x,y'.", valueName: "p,x,y"))
  var postcodeColumns: String?

  @Option(name: .customLong("postcode-crs"), help: ArgumentHelp("CRS of the postcode coordinates.", valueName: "crs"))
  var postcodeCRS = CRSReference.epsg(27700)

  var isGiven: Bool { !postcodes.isEmpty }

  /// The columns of --postcode-columns; nil when not given or not three (refused by `validate`).
  private var columns: PostcodeSpec.Columns? {
    guard let parts = postcodeColumns?.split(separator: ",").map({ String($0).trimmingCharacters(in: .whitespaces) }), parts.count == 3 else { return nil }
    return .init(postcode: parts[0], x: parts[1], y: parts[2])
  }

  func validate() throws {
    if postcodeColumns != nil && columns == nil { throw ValidationError("--postcode-columns takes three columns: postcode,x,y") }
  }

  /// The directory as the library takes it.
  var spec: PostcodeSpec { PostcodeSpec(paths: postcodes, columns: columns, crs: postcodeCRS) }

  /// The points of the `wanted` postcodes (normalised) that the directory holds, in
  /// `postcodeCRS`, keyed by normalised postcode, with the account of the rows read.
  func lookUp(_ wanted: Set<String>) throws -> (points: [String: (x: Double, y: Double)], account: RunAccount) {
    try spec.lookUp(wanted)
  }
}
