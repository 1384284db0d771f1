import CatchmentTestSupport
import Foundation
import Testing

/// The demo report opened in a real browser: headless Chromium (Debian's `chromium`) driven by
/// `Tests/Browser/check_report.py` (Playwright, from the Python environment of
/// `Tests/Browser/requirements.txt`) with networking off. The checker screenshots the page
/// (into `.build/browser-test/`), finds each map's box on the page and the footprint paths in
/// it, and lists every problem; these tests run it on the demo report, on a broken copy of it,
/// and on small pages broken one way at a time, to see that it fails when it should.
///
/// `scripts/test.sh` installs chromium, makes the environment and names its Python in
/// `CATCHMENT_BROWSER_PYTHON`; run without it (a bare `swift test`) the tests are skipped.
@Suite(.serialized) struct BrowserReportTests {
  static let python: String? = {
    guard let path = ProcessInfo.processInfo.environment["CATCHMENT_BROWSER_PYTHON"], !path.isEmpty else { return nil }
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
  }()
  static let checker = packageRoot.appendingPathComponent("Tests/Browser/check_report.py").path
  /// Screenshots and printed PDFs, kept after the run for a look (the build folder, not the repository).
  static let shots = packageRoot.appendingPathComponent(".build/browser-test")

  /// What the checker found in each report, and its exit status.
  struct Findings {
    var status: Int32
    var reports: [[String: Any]]
    var stderr: String

    func problems(_ index: Int) -> [String] { reports.indices.contains(index) ? reports[index]["problems"] as? [String] ?? ["?"] : ["?"] }
  }

  /// Runs the checker on `reports` drawn from `pack`, its screenshots under `.build/browser-test/<folder>`.
  func check(_ reports: [URL], pack: URL, folder: String) throws -> Findings {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.python ?? "")
    let out = Self.shots.appendingPathComponent(folder).path
    process.arguments = [Self.checker, "--pack", pack.path, "--out", out] + reports.map(\.path)
    let stdout = Pipe(), stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    let errors = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let reports = (try? JSONSerialization.jsonObject(with: output)) as? [[String: Any]] ?? []
    return Findings(status: process.terminationStatus, reports: reports, stderr: String(decoding: errors, as: UTF8.self))
  }

  /// The demo review and its report (by `catchment report`, into the folder above the pack).
  func demoReport() throws -> (report: URL, pack: URL) {
    let root = try temporaryFolder()
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("data"), to: root.appendingPathComponent("data"))
    let review = try CommandRunner.run(["review", "data/demo_study.toml", "--quiet"], in: root)
    #expect(review.status == 0, "\(review.stderr)")
    let pack = root.appendingPathComponent("out/review"), report = root.appendingPathComponent("out/report.html")
    let result = try CommandRunner.run(["report", pack.path, "-o", report.path])
    #expect(result.status == 0, "\(result.stderr)")
    return (report, pack)
  }

  @Test(.enabled(if: python != nil, "CATCHMENT_BROWSER_PYTHON not set: run bash scripts/test.sh"))
  func demoReportShowsEveryMapOfflineWithoutErrors() throws {
    let (report, pack) = try demoReport()
    let found = try check([report], pack: pack, folder: "demo")
    #expect(found.status == 0 && found.problems(0).isEmpty, "\(found.problems(0)) \(found.stderr)")
    let demo = try #require(found.reports.first)
    #expect(demo["requests"] as? [String] == ["file://" + report.path])
    // A map of every footprint layer of the pack (the checker reports a layer without one),
    // the flow map and the proposal's two; each map with as many paths as its layer has
    // footprints in every pack file that lists them (read by the checker).
    let maps = demo["maps"] as? [[String: Any]] ?? []
    let ids = maps.compactMap { $0["id"] as? String }
    let layers = try FileManager.default.contentsOfDirectory(atPath: pack.path).filter { $0.hasPrefix("footprints_") && $0.hasSuffix(".geojson") }
    #expect(!layers.isEmpty && maps.count >= layers.count + 3, "\(ids)")
    #expect(ids.contains("map-icb-population") && ids.contains("flowmap-icb") && ids.contains("proposal-councils-whole-proposal"), "\(ids)")
    for map in maps {
      let sources = map["sources"] as? [String: Int] ?? [:]
      #expect(!sources.isEmpty && sources.values.allSatisfy { $0 == map["paths"] as? Int }, "\(map)")
    }
    #expect((demo["sorting"] as? [String: Any])?["ascending"] as? Bool == true)
    let shot = (demo["screenshot"] as? [String: Any])?["path"] as? String ?? ""
    #expect(FileManager.default.fileExists(atPath: shot))
  }

  /// A copy of the demo report with a path taken out of its first map, an image from a web
  /// address and a script error: the checker reports each.
  @Test(.enabled(if: python != nil, "CATCHMENT_BROWSER_PYTHON not set: run bash scripts/test.sh"))
  func brokenDemoReportFails() throws {
    let (report, pack) = try demoReport()
    var html = try contents(report)
    let path = try #require(html.range(of: #"<path id="map-icb-population-f1" data-id="[^"]*"[^>]*>.*?</path>"#, options: .regularExpression))
    let code = html[path].components(separatedBy: "data-id=\"")[1].prefix { $0 != "\"" }
    html.removeSubrange(path)
    html = html.replacingOccurrences(
      of: "</body>", with: "<img src=\"http://192.0.2.1/logo.png\" alt=\"\"><script>undefinedFunction();</script></body>")
    let broken = report.deletingLastPathComponent().appendingPathComponent("broken.html")
    try html.write(to: broken, atomically: false, encoding: .utf8)
    let found = try check([broken], pack: pack, folder: "demo-broken")
    #expect(found.status == 1)
    let problems = found.problems(0)
    for expected in [
      "map map-icb-population: footprint \(code) of footprints_icb.geojson has no path",
      "map map-icb-population: footprint \(code) of population_icb.csv has no path",
      "request other than the report itself: http://192.0.2.1/logo.png",
      "failed to load: http://192.0.2.1/logo.png", "script error: undefinedFunction is not defined",
    ] {
      #expect(problems.contains { $0.hasPrefix(expected) }, "\(expected) not in \(problems)")
    }
    // The other maps still pass.
    #expect(!problems.contains { $0.contains("map-icb-retention") }, "\(problems)")
  }

  /// Tests/Fixtures/browser/good.html passes; each break of it is reported, and only it; text
  /// cut off at a figure's edge is listed as a warning.
  @Test(.enabled(if: python != nil, "CATCHMENT_BROWSER_PYTHON not set: run bash scripts/test.sh"))
  func checkerReportsEachKindOfBreak() throws {
    let good = try String(contentsOfFile: fixture("browser/good.html"), encoding: .utf8)
    let pathB = ##"<path id="map-x-population-f1" data-id="B" fill="#440154" d="M210 10L410 10L410 210L210 210Z"><title>East: 800</title></path>"##
    #expect(good.contains(pathB))
    let breaks: [(name: String, html: String, problems: [String])] = [
      ("good", good, []),
      (
        "image", good.replacingOccurrences(of: "</body>", with: "<img src=\"http://192.0.2.1/logo.png\" alt=\"\"></body>"),
        ["request other than the report itself: http://192.0.2.1/logo.png", "failed to load: http://192.0.2.1/logo.png"]
      ),
      (
        "stylesheet", good.replacingOccurrences(of: "</head>", with: "<link rel=\"stylesheet\" href=\"https://example.org/a.css\"></head>"),
        ["request other than the report itself: https://example.org/a.css", "failed to load: https://example.org/a.css"]
      ),
      ("script-error", good.replacingOccurrences(of: "</body>", with: "<script>undefinedFunction();</script></body>"), ["script error: "]),
      ("console-error", good.replacingOccurrences(of: "</body>", with: "<script>console.error(\"boom\");</script></body>"), ["console error: boom"]),
      (
        "missing-path", good.replacingOccurrences(of: pathB, with: ""),
        ["map map-x-population: footprint B of footprints_x.geojson has no path", "map map-x-population: footprint B of population_x.csv has no path"]
      ),
      ("extra-path", good.replacingOccurrences(of: pathB, with: pathB + pathB.replacingOccurrences(of: "\"B\"", with: "\"C\"")), ["path C is not a footprint"]),
      ("duplicate-path", good.replacingOccurrences(of: pathB, with: pathB + pathB), ["map map-x-population: footprint B has 2 paths"]),
      ("empty-path", good.replacingOccurrences(of: "d=\"M210 10L410 10L410 210L210 210Z\"", with: "d=\"\""), ["the path of footprint B draws nothing"]),
      (
        "blank-map", good.replacingOccurrences(of: "#fde725", with: "#ffffff").replacingOccurrences(of: "#440154", with: "#ffffff"),
        ["the screenshot is blank", "map map-x-population shows no picture"]
      ),
      ("hidden-map", good.replacingOccurrences(of: "<svg ", with: "<svg style=\"display:none\" "), ["map map-x-population shows no picture"]),
      ("no-map", good.replacingOccurrences(of: "data-id=", with: "data-code="), ["layer x (footprints_x.geojson) has no map"]),
      ("portrait", good.replacingOccurrences(of: "A4 landscape", with: "A4 portrait"), ["printed page 1 is 595"]),
      (
        "misaligned-table",
        good.replacingOccurrences(
          of: "</body>",
          with: "<table id=\"t\"><tr><td style=\"vertical-align: top; font-size: 10px\">E54000901</td><td style=\"vertical-align: top; font-size: 16px\">Demoshire</td></tr></table></body>"),
        ["table t row 0: its cells' text is"]
      ),
      // Text past the figure's edge: a warning (clipped_text), not a problem.
      ("clipped-text", good.replacingOccurrences(of: "<text x=\"20\"", with: "<text x=\"380\""), []),
    ]
    let folder = try temporaryFolder()
    var files: [URL] = []
    for item in breaks {
      files.append(folder.appendingPathComponent(item.name + ".html"))
      try item.html.write(to: files[files.count - 1], atomically: false, encoding: .utf8)
    }
    let found = try check(files, pack: URL(fileURLWithPath: fixture("browser/pack")), folder: "breaks")
    #expect(found.status == 1)
    try #require(found.reports.count == breaks.count, "\(found.stderr)")
    for (index, item) in breaks.enumerated() {
      let problems = found.problems(index)
      #expect(problems.isEmpty == item.problems.isEmpty, "\(item.name): \(problems)")
      for expected in item.problems {
        #expect(problems.contains { $0.hasPrefix(expected) || $0.contains(expected) }, "\(item.name): \(expected) not in \(problems)")
      }
      let clipped = (found.reports[index]["clipped_text"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
      #expect(clipped == (item.name == "clipped-text" ? ["Resident population"] : []), "\(item.name): \(clipped)")
    }
  }
}
