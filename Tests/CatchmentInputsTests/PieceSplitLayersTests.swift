import CatchmentAnalysis
import CatchmentCore
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentInputs

/// `overlap`'s split of zones both crosswalks split (moved from the CLI in issue 10): the three
/// layers read in the working CRS, the pieces weighted by area, the count noted.
@Suite struct PieceSplitLayersTests {
  /// A GeoJSON file of boxes (id, x0, y0, x1, y1) in EPSG:27700.
  func boxes(_ boxes: [(String, Double, Double, Double, Double)], in folder: URL, name: String) throws -> String {
    let features = boxes.map { id, x0, y0, x1, y1 in
      #"{"type":"Feature","properties":{"ID":"\#(id)"},"geometry":{"type":"Polygon","coordinates":[[[\#(x0),\#(y0)],[\#(x1),\#(y0)],[\#(x1),\#(y1)],[\#(x0),\#(y1)],[\#(x0),\#(y0)]]]}}"#
    }
    let member = #""crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},"#
    let path = folder.appendingPathComponent(name).path
    try #"{"type":"FeatureCollection",\#(member)"features":[\#(features.joined(separator: ","))]}"#.write(toFile: path, atomically: false, encoding: .utf8)
    return path
  }

  func crosswalk(_ text: String) throws -> Crosswalk {
    try Crosswalk.read(path: try temporaryFile("zone_id,footprint_id,weight\n" + text)).crosswalk
  }

  /// Zone z (0,0)–(100,100), A = left half a1 / right half a2, B = bottom quarter b1 / the rest
  /// b2: pieces 50×25, 50×75, 50×25, 50×75 of 100×100 → ⅛, ⅜, ⅛, ⅜. Zone y lies in a1 and b1
  /// whole: split by neither crosswalk, so not split here.
  @Test func zonesSplitByBothAreSplitByTheAreaOfEachPiece() throws {
    let folder = try temporaryFolder()
    let layers = PieceSplitLayers(
      zones: .init(paths: [try boxes([("z", 0, 0, 100, 100), ("y", -200, -200, -150, -150)], in: folder, name: "zones.geojson")], idField: "ID"),
      a: .init(paths: [try boxes([("a1", -300, -300, 50, 110), ("a2", 50, -10, 110, 110)], in: folder, name: "a.geojson")], idField: "ID"),
      b: .init(paths: [try boxes([("b1", -300, -300, 110, 25), ("b2", -10, 25, 110, 110)], in: folder, name: "b.geojson")], idField: "ID"),
      workingCRS: .epsg(27700), workers: 1)
    let report = RunReport(command: "t")
    let shares = recorded(try layers.shares(
      a: try crosswalk("z,a1,0.5\nz,a2,0.5\ny,a1,1\n"), b: try crosswalk("z,b1,0.25\nz,b2,0.75\ny,b1,1\n")), in: report)
    #expect(shares.keys.sorted() == ["z"])
    let byPair = Dictionary(uniqueKeysWithValues: (shares["z"] ?? []).map { ("\($0.a)\($0.b)", $0.share) })
    #expect(byPair == ["a1b1": 0.125, "a1b2": 0.375, "a2b1": 0.125, "a2b2": 0.375])
    #expect(report.notes.contains("1 of the 1 zones both crosswalks split were split by the area of each piece z ∩ a ∩ b"))
  }

  /// No zone split by both: nothing is read (the paths do not exist) and nothing is split.
  @Test func nothingIsReadWhenNoZoneIsSplitByBoth() throws {
    let missing = PieceSplitLayers.Layer(paths: ["/nonexistent/zones.geojson"], idField: "ID")
    let layers = PieceSplitLayers(zones: missing, a: missing, b: missing, workingCRS: .epsg(27700), workers: 1)
    let report = RunReport(command: "t")
    let shares = recorded(try layers.shares(a: try crosswalk("z,a1,0.5\nz,a2,0.5\n"), b: try crosswalk("z,b1,1\n")), in: report)
    #expect(shares.isEmpty)
    #expect(report.notes.isEmpty)
  }
}
