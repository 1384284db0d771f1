import CatchmentStudy
import CatchmentTestSupport
import Foundation
import Testing

/// The DocC article documents every key the parser accepts: each table's keys are read from the
/// parser's own "unknown key" error (which lists the keys allowed there), so a key added to the
/// parser without a row in the article fails here.
@Suite struct StudyFileArticleTests {
  static let article = packageRoot.appendingPathComponent("Sources/CatchmentStudy/Documentation.docc/StudyFile.md")

  /// A study with every table, and an unknown key `zzz` put into the table at `keyPath`.
  static func study(unknownIn table: String) -> String {
    let tables: [(String, String)] = [
      ("", "title = \"t\"\noutput = \"o\""),
      ("population", "[population]\nfile = \"p.csv\"\nid = \"a\"\nvalue = \"b\""),
      ("zones", "[zones]\npath = \"z.geojson\"\nid = \"Z\""),
      ("zones.centroids", "[zones.centroids]\nfile = \"c.csv\"\nid = \"Z\"\nx = \"x\"\ny = \"y\""),
      ("layers.a", "[layers.a]\nlookup = \"l.csv\"\nzone = \"Z\"\nfootprint = \"F\""),
      ("layers.b", "[layers.b]\npolygons = \"b.shp\"\nid = \"B\"\nmethod = \"area\""),
      ("layers.c", "[layers.c]\ncrosswalk = \"c.csv\""),
      ("review", "[review]\nbaseline = \"a\""),
      ("registrations", "[registrations]\nfile = \"r.csv\""),
      ("providers", "[providers]\nactivity = \"a.csv\"\nzone = \"z\"\nprovider = \"p\"\ncount = \"n\""),
      ("proposals[1]", "[[proposals]]\nname = \"p\"\nblocks = \"a\"\nassign = \"p.csv\""),
    ]
    return tables.map { key, text in key == table ? text + "\nzzz = 1" : text }.joined(separator: "\n")
  }

  @Test(arguments: ["", "population", "zones", "zones.centroids", "layers.a", "layers.b", "layers.c", "review", "registrations", "providers", "proposals[1]"])
  func everyKeyOfTheTableIsDocumented(_ table: String) throws {
    let text = try String(contentsOf: Self.article, encoding: .utf8)
    do {
      _ = try Study(toml: Self.study(unknownIn: table), file: "s.toml", folder: URL(fileURLWithPath: "/x"))
      Issue.record("the unknown key was accepted")
    } catch {
      #expect(error.keyPath == (table.isEmpty ? "zzz" : "\(table).zzz"))
      guard case .unknown(let allowed) = error.problem else {
        Issue.record("\(error)")
        return
      }
      #expect(!allowed.isEmpty)
      for key in allowed {
        #expect(text.contains("| `\(key)` |"), "key \(key) of [\(table)] has no row in StudyFile.md")
      }
    }
  }
}
