import CatchmentGeometry
import CatchmentStudy
import CatchmentTestSupport
import Foundation
import Testing

/// Hand-written bad study files: each gives a typed error naming the file, the key path and the
/// problem.
@Suite struct StudyValidationTests {
  static let file = "bad_study.toml"

  /// A valid study that the cases below break one key at a time.
  static let base = """
    title = "t"
    output = "out"
    [layers.icb]
    lookup = "lookup.csv"
    zone = "LSOA21CD"
    footprint = "ICB23CD"
    [layers.lad]
    lookup = "lookup.csv"
    zone = "LSOA21CD"
    footprint = "LAD23CD"
    [review]
    baseline = "icb"
    """

  func parse(_ text: String) throws(StudyError) -> Study {
    try Study(toml: text, file: Self.file, folder: URL(fileURLWithPath: "/studies"))
  }

  func error(_ text: String) -> StudyError? {
    do {
      _ = try parse(text)
      return nil
    } catch {
      return error
    }
  }

  @Test func theBaseStudyIsValid() throws {
    let study = try parse(Self.base)
    #expect(study.layers.count == 2)
    #expect(study.output.url.path == "/studies/out")
    #expect(study.proposals.isEmpty)
    #expect(study.providers == nil)
  }

  struct Case: CustomTestStringConvertible, Sendable {
    var label: String
    var text: String
    var keyPath: String
    var problem: StudyError.Problem
    var testDescription: String { label }
  }

  static let cases: [Case] = [
    Case(
      label: "missing title", text: base.replacingOccurrences(of: "title = \"t\"\n", with: ""), keyPath: "title",
      problem: .missing),
    Case(
      label: "missing footprint",
      text: base.replacingOccurrences(of: "footprint = \"ICB23CD\"\n", with: ""),
      keyPath: "layers.icb.footprint", problem: .missing),
    Case(
      label: "typo in a layer key", text: base.replacingOccurrences(of: "footprint = \"ICB23CD\"", with: "footprnt = \"ICB23CD\""),
      keyPath: "layers.icb.footprint", problem: .missing),
    Case(
      label: "unknown top-level key", text: "colour = \"red\"\n" + base, keyPath: "colour",
      problem: .unknown(allowed: ["title", "output", "population", "zones", "layers", "review", "registrations", "providers", "proposals"])),
    Case(
      label: "typo in an optional key", text: base.replacingOccurrences(of: "footprint = \"ICB23CD\"", with: "footprint = \"ICB23CD\"\nnme = \"ICB23NM\""),
      keyPath: "layers.icb.nme", problem: .unknown(allowed: ["lookup", "zone", "footprint", "name", "weight"])),
    Case(
      label: "unknown key in a layer", text: base + "\n[layers.x]\ncrosswalk = \"c.csv\"\nmethod = \"area\"\n",
      keyPath: "layers.x.method", problem: .unknown(allowed: ["crosswalk"])),
    Case(
      label: "wrong type", text: base.replacingOccurrences(of: "zone = \"LSOA21CD\"\nfootprint = \"ICB23CD\"", with: "zone = 3\nfootprint = \"ICB23CD\""),
      keyPath: "layers.icb.zone", problem: .wrongType(expected: "a string", found: "integer")),
    Case(
      label: "population year as a string",
      text: base + "\n[population]\nfile = \"p.csv\"\nid = \"a\"\nvalue = \"b\"\nyear = \"2022\"\n",
      keyPath: "population.year", problem: .wrongType(expected: "an integer", found: "string")),
    Case(
      label: "two sources", text: base + "\n[layers.x]\ncrosswalk = \"c.csv\"\nlookup = \"l.csv\"\n",
      keyPath: "layers.x", problem: .severalSources(["lookup", "crosswalk"])),
    Case(
      label: "no source", text: base + "\n[layers.x]\nzone = \"LSOA21CD\"\n", keyPath: "layers.x", problem: .noSource),
    Case(
      label: "baseline names no layer", text: base.replacingOccurrences(of: "baseline = \"icb\"", with: "baseline = \"ccg\""),
      keyPath: "review.baseline", problem: .unknownLayer("ccg", known: ["icb", "lad"])),
    Case(
      label: "others names no layer", text: base + "\nothers = [\"lad\", \"pcn\"]\n",
      keyPath: "review.others[2]", problem: .unknownLayer("pcn", known: ["icb", "lad"])),
    Case(
      label: "nesting names no layer", text: base + "\nnesting = [\"lad\", \"region\"]\n",
      keyPath: "review.nesting[2]", problem: .unknownLayer("region", known: ["icb", "lad"])),
    Case(
      label: "nesting of one layer", text: base + "\nnesting = [\"lad\"]\n",
      keyPath: "review.nesting", problem: .invalid("needs two or more layers, smallest first, e.g. [\"sicbl\", \"icb\"]")),
    Case(
      label: "nesting a layer in itself", text: base + "\nnesting = [\"lad\", \"icb\", \"lad\"]\n",
      keyPath: "review.nesting[3]", problem: .invalid("layer 'lad' is listed twice")),
    Case(
      label: "proposal blocks names no layer",
      text: base + "\n[[proposals]]\nname = \"a\"\nblocks = \"lad\"\nassign = \"a.csv\"\n[[proposals]]\nname = \"b\"\nblocks = \"council\"\nassign = \"b.csv\"\n",
      keyPath: "proposals[2].blocks", problem: .unknownLayer("council", known: ["icb", "lad"])),
    Case(
      label: "polygon method", text: base + "\n[zones]\npath = \"z.geojson\"\nid = \"LSOA21CD\"\n[layers.x]\npolygons = \"p.shp\"\nid = \"ID\"\nmethod = \"bestfit\"\n",
      keyPath: "layers.x.method", problem: .invalid("'bestfit' is not a method: best-fit or area")),
    Case(
      label: "polygon method areal", text: base + "\n[zones]\npath = \"z.geojson\"\nid = \"LSOA21CD\"\n[layers.x]\npolygons = \"p.shp\"\nid = \"ID\"\nmethod = \"areal\"\n",
      keyPath: "layers.x.method", problem: .invalid("'areal' is not a method: best-fit or area")),
    Case(
      label: "zones CRS not a CRS", text: base + "\n[zones]\npath = \"z.geojson\"\nid = \"LSOA21CD\"\ncrs = \"EPSG:notanumber\"\n",
      keyPath: "zones.crs", problem: .invalid("'EPSG:notanumber' is not a CRS: write EPSG:CODE, AUTHORITY:CODE, OGC:CRS84, +proj=…, WKT")),
    Case(
      label: "centroids CRS not a CRS",
      text: base + "\n[zones]\npath = \"z.geojson\"\nid = \"LSOA21CD\"\n[zones.centroids]\nfile = \"c.csv\"\nid = \"a\"\nx = \"x\"\ny = \"y\"\ncrs = \"27700\"\n",
      keyPath: "zones.centroids.crs", problem: .invalid("'27700' is not a CRS: write EPSG:CODE, AUTHORITY:CODE, OGC:CRS84, +proj=…, WKT")),
    Case(
      label: "layer CRS not a CRS",
      text: base + "\n[zones]\npath = \"z.geojson\"\nid = \"LSOA21CD\"\n[layers.x]\npolygons = \"p.shp\"\nid = \"ID\"\nmethod = \"area\"\ncrs = \"British National Grid\"\n",
      keyPath: "layers.x.crs", problem: .invalid("'British National Grid' is not a CRS: write EPSG:CODE, AUTHORITY:CODE, OGC:CRS84, +proj=…, WKT")),
    Case(
      label: "polygons without zones", text: base + "\n[layers.x]\npolygons = \"p.shp\"\nid = \"ID\"\nmethod = \"area\"\n",
      keyPath: "layers.x.polygons", problem: .invalid("a polygon layer is overlaid on the zone polygons: give [zones]")),
    Case(
      label: "threshold out of range",
      text: base + "\n[providers]\nactivity = \"a.csv\"\nzone = \"z\"\nprovider = \"p\"\nshare = \"s\"\nthreshold = 5\n",
      keyPath: "providers.threshold", problem: .invalid("a share, between 0 and 1")),
    Case(
      label: "count and share",
      text: base + "\n[providers]\nactivity = \"a.csv\"\nzone = \"z\"\nprovider = \"p\"\nshare = \"s\"\ncount = \"c\"\n",
      keyPath: "providers.share", problem: .invalid("give count or share, not both")),
    Case(
      label: "site method for activity",
      text: base + "\n[providers]\nactivity = \"a.csv\"\nzone = \"z\"\nprovider = \"p\"\ncount = \"c\"\nmethod = \"huff\"\n",
      keyPath: "providers.method",
      problem: .invalid("'huff' is not an activity method: proportional, normalised, fptp, threshold:X or min-share:X")),
    Case(
      label: "practice map without its column",
      text: base + "\n[registrations]\nfile = \"r.csv\"\npractice_map = \"m.csv\"\n",
      keyPath: "registrations.practice_footprint", problem: .missing),
    Case(
      label: "filter value a float", text: base + "\n[population]\nfile = \"p.csv\"\nid = \"a\"\nvalue = \"b\"\nfilter = { sex = 1.5 }\n",
      keyPath: "population.filter.sex", problem: .wrongType(expected: "a string or an integer", found: "floating-point number")),
    Case(
      label: "layers not a table", text: "title = \"t\"\noutput = \"o\"\nlayers = 3\n[review]\nbaseline = \"icb\"\n",
      keyPath: "layers", problem: .wrongType(expected: "a table", found: "integer")),
    Case(
      label: "layer name with a slash", text: base + "\n[layers.\"a/b\"]\ncrosswalk = \"c.csv\"\n",
      keyPath: "layers.\"a/b\"", problem: .invalid("a layer name is used in file names: letters, digits, '_' and '-' only")),
    Case(
      label: "duplicate proposal names",
      text: base + "\n[[proposals]]\nname = \"a\"\nblocks = \"lad\"\nassign = \"a.csv\"\n[[proposals]]\nname = \"a\"\nblocks = \"lad\"\nassign = \"b.csv\"\n",
      keyPath: "proposals[2].name", problem: .invalid("another proposal is already named 'a'")),
    Case(
      label: "empty path", text: base.replacingOccurrences(of: "output = \"out\"", with: "output = \"\""),
      keyPath: "output", problem: .invalid("must not be empty")),
    Case(label: "missing review", text: base.replacingOccurrences(of: "[review]\nbaseline = \"icb\"", with: ""), keyPath: "review", problem: .missing),
  ]

  @Test(arguments: cases) func badStudyNamesTheKeyPath(_ c: Case) {
    let error = error(c.text)
    #expect(error == StudyError(file: Self.file, keyPath: c.keyPath, problem: c.problem))
    let message = error?.description ?? ""
    #expect(message.hasPrefix("\(Self.file): \(c.keyPath): "), "\(message)")
  }

  /// A CRS key is read as a CRS (the authority name in capitals), and the manifest's settings
  /// record it as written back.
  @Test func crsKeysAreReadAsCRSReferences() throws {
    let study = try parse(
      Self.base
        + "\n[zones]\npath = \"z.geojson\"\nid = \"LSOA21CD\"\ncrs = \"epsg:27700\"\n[zones.centroids]\nfile = \"c.csv\"\nid = \"a\"\nx = \"x\"\ny = \"y\"\ncrs = \"OGC:CRS84\"\n"
        + "[layers.x]\npolygons = \"p.shp\"\nid = \"ID\"\nmethod = \"area\"\ncrs = \"+proj=longlat +datum=WGS84\"\n")
    #expect(study.zones?.crs == .epsg(27700))
    #expect(study.zones?.centroids?.crs == .crs84)
    guard case .polygons(_, _, _, .area, let crs)? = study.layers["x"] else { Issue.record("expected an area layer"); return }
    #expect(crs == .definition("+proj=longlat +datum=WGS84"))
    #expect(study.settings["zones.crs"] == "EPSG:27700")
    #expect(study.settings["zones.centroids.crs"] == "OGC:CRS84")
    #expect(study.settings["layers.x.crs"] == "+proj=longlat +datum=WGS84")
  }

  @Test func syntaxErrorNamesTheLine() {
    guard let error = error("title = \"t\"\noutput = \n") else {
      Issue.record("no error")
      return
    }
    guard case .syntax(_, let line, _) = error.problem else {
      Issue.record("not a syntax error: \(error)")
      return
    }
    #expect(line == 2)
    #expect(error.description.hasPrefix("bad_study.toml:2:"))
  }

  @Test func nulByteIsASyntaxError() {
    let error = error("title = \"t\"\n\u{0}output = \"x\"\n")
    #expect(error?.problem == .syntax("NUL byte in the file", line: 2, column: 1))
  }

  /// toml++ aborts on some non-ASCII characters in key position; they are refused first.
  @Test(arguments: [("\u{FFFD}", "FFFD"), ("\u{1}", "0001"), ("é", "00E9"), ("\\", "005C"), (".", "002E")])
  func forbiddenCharacterOutsideStringsIsASyntaxError(_ character: String, _ code: String) {
    let text = Self.base.replacingOccurrences(of: "[layers.lad]", with: "[\(character)ayers.lad]")
    #expect(
      error(text)?.problem
        == .syntax(
          "character U+\(code) not allowed here (outside strings and comments: printable ASCII only; a table header starts with a key)", line: 7, column: 2))
  }

  /// Brackets inside values (arrays of arrays first on a line, inline tables) are not headers.
  @Test func nestedArraysAreNotTableHeaders() throws {
    let text = Self.base + "\nothers = [\n  \"lad\",\n]\n[population]\nfile = \"p.csv\"\nid = \"a\"\nvalue = \"b\"\nfilter = { x = \"[.\" }\n"
    let study = try parse(text)
    #expect(study.review.others == ["lad"])
    #expect(study.population?.filter == ["x": "[."])
    #expect(error("x = [\n[{a = 1}],\n]\n" + Self.base)?.keyPath == "x")
  }

  /// Non-ASCII text inside strings of every form, and in comments, is fine.
  @Test func nonASCIIInsideStringsAndCommentsIsAccepted() throws {
    let text = #"""
      title = "Revue é \"ü\"" # commentaire ü
      output = 'sortie ß'
      [layers.icb]
      lookup = """l\"é"""
      zone = '''Z ñ'''
      footprint = "F"
      [review]
      baseline = "icb"
      """#
    let study = try parse(text)
    #expect(study.title == "Revue é \"ü\"")
    #expect(study.output.given == "sortie ß")
    #expect(study.layers["icb"] == .lookup(file: StudyPath("l\"é", relativeTo: URL(fileURLWithPath: "/studies")), zone: "Z ñ", footprint: "F", name: nil, weight: nil))
  }

  /// Deep nesting, huge numbers and odd values are errors, not crashes.
  static let pathological: [String] = [
    "x = " + String(repeating: "[", count: 100_000),
    "x = " + String(repeating: "{a=", count: 100_000),
    String(repeating: "[a.", count: 10_000) + "]",
    "title = 99999999999999999999999",
    "title = 1979-05-27T07:32:00Z\noutput = \"o\"",
    "title = nan",
    String(repeating: "a.", count: 100_000) + "b = 1",
    String(repeating: "a.", count: 33) + "b = 1",
    "x = [1, }",
    "x = [ # comment\n  }",
    "x = [[1], {a = [2, }]",
  ]

  @Test func deepKeysAreRefusedBeforeParsing() {
    #expect(
      error("title = \"t\"\n" + String(repeating: "a.", count: 33) + "b = 1")?.problem
        == .syntax("key nested more than 32 levels deep", line: 2, column: 66))
    // 32 dots, and dots in numbers and times, are left to the parser (here: an unknown key).
    let fine = "title = \"t\"\nx = 1.5\ny = 07:32:00.999\n" + String(repeating: "a.", count: 32) + "b = 1"
    #expect(error(fine)?.problem != .syntax("key nested more than 32 levels deep", line: 4, column: 66))
  }

  /// toml++ asserts on `}` where an array element should start; refused first.
  @Test func closingBraceAsArrayElementIsASyntaxError() {
    #expect(error("x = [1,\n # c\n }")?.problem == .syntax("expected a value or ']' in the array, saw '}'", line: 3, column: 2))
    // Braces that close inline tables inside arrays are fine.
    #expect(error("x = [{a = 1}, {b = [2]}]\n" + Self.base)?.keyPath == "x")
  }

  @Test func pathologicalInputIsAnError() {
    for (i, text) in Self.pathological.enumerated() {
      #expect(error(text) != nil, "input \(i)")
    }
  }

  @Test func missingFileIsUnreadable() {
    do {
      _ = try Study(contentsOf: "/nonexistent/study.toml")
      Issue.record("no error")
    } catch {
      guard case .unreadable = error.problem else {
        Issue.record("\(error)")
        return
      }
      #expect(error.file == "/nonexistent/study.toml")
    }
  }

  /// Random bytes and random cuts of a valid study never crash the parser: each gives a study or
  /// a StudyError.
  @Test func arbitraryInputNeverCrashes() {
    var generator = SeededGenerator(seed: 10)
    let demo =
      Self.base
      + "\nothers = [\"lad\"]\n[population]\nfile = \"p\"\nid = 'a'\nvalue = \"\"\"b\"\"\"\n"
      + "filter = { x = 1, y = [1, {a = 2}] }\n[[proposals]]\nname = \"a\"\nblocks = \"lad\"\nassign = \"a.csv\"\n"
    let utf8 = Array(demo.utf8)
    // TOML's punctuation, so that mutations reach the parser's corners, not only its first error.
    let alphabet = Array("[]{}=.,\"'#\n \\\t\r0123456789abz-_+:eE".utf8)
    for _ in 0..<10_000 {
      var bytes = utf8
      for _ in 0..<(1 + Int(generator.next() % 6)) {
        guard !bytes.isEmpty else { break }
        let i = Int(generator.next() % UInt64(bytes.count))
        let symbol = alphabet[Int(generator.next() % UInt64(alphabet.count))]
        switch generator.next() % 4 {
        case 0: bytes[i] = symbol
        case 1: bytes.insert(symbol, at: i)
        case 2: bytes.remove(at: i)
        default: bytes[i] = UInt8(truncatingIfNeeded: generator.next())
        }
      }
      let cut = generator.next() % 4 == 0 ? Int(generator.next() % UInt64(bytes.count + 1)) : bytes.count
      _ = error(String(decoding: bytes[..<cut], as: UTF8.self))
    }
  }
}

