// swift-tools-version: 6.1
//
// Catchment: population-boundary and catchment analysis for NHS footprints.
//
// Dependencies run one way:
//   readers (CatchmentTables, CatchmentGeoIO, CatchmentEngine)
//     → CatchmentCore → CatchmentAnalysis → CatchmentInputs → CatchmentStudy / CatchmentCLI → catchment
// CatchmentTables knows bytes and CSV; CatchmentGeoIO reads boundary and point files;
// CatchmentEngine is GEOS and PROJ (the only importer of either); CatchmentCore knows zones,
// footprints, crosswalks and the run report, and reads the input tables keyed by their own
// codes (population, registrations, activity, practice map: no crosswalk, no report, an account
// returned as a value); CatchmentAnalysis computes the measures in ../shared/MISSION.md,
// joining those tables to crosswalks through a zone index. CatchmentInputs owns the inputs of
// a run: it parses each published file once (InputTables), recognises its layout, resolves and
// transforms its CRS, and hands back plain values.
// CatchmentStudy reads a review's study file (TOML), runs it (ReviewRun) into the pack that
// `catchment review` writes, and records its provenance (manifest, SHA-256 of every file).
// The CLI turns options into CatchmentInputs values, calls the analyses, writes the outputs
// and maps typed errors to messages and exit codes; it computes nothing itself.
// CatchmentOutputs (on CatchmentTables alone) stages a run's outputs and puts them in place
// all or nothing.
// CatchmentFigures (on CatchmentGeometry alone) draws maps, heatmaps and charts as standalone SVG.
// CatchmentRegions (pure Swift, on nothing of ours) groups zones into contiguous regions from the
// flows between them (plurality, ONS TTWA, optimised self-containment); beside CatchmentAnalysis,
// used by CatchmentInputs and the CLI.
import PackageDescription

let package = Package(
  name: "Catchment",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "CatchmentTables", targets: ["CatchmentTables"]),
    .library(name: "CatchmentCore", targets: ["CatchmentCore"]),
    .library(name: "CatchmentAnalysis", targets: ["CatchmentAnalysis"]),
    .executable(name: "catchment", targets: ["catchment"]),
    .executable(name: "catchment-demo-data", targets: ["catchment-demo-data"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
  ],
  targets: [
    .target(name: "CatchmentTables"),
    // Geometry value types (no C): flat polygon and point layers, CRS references.
    .target(name: "CatchmentGeometry"),
    // GEOS and PROJ from the system (Debian: libgeos-dev, libproj-dev), linked dynamically.
    .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"]), .brew(["geos"])]),
    .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"]), .brew(["proj"])]),
    .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
    // Boundary and point readers (ours, for speed): GeoJSON, Shapefile, GeoPackage, points from CSV.
    .target(name: "CatchmentGeoIO", dependencies: ["CatchmentGeometry", "CatchmentTables", "CSQLite"]),
    // The only importer of GEOS and PROJ: contexts, geometries, transformations.
    .target(name: "CatchmentEngine", dependencies: ["CGEOS", "CPROJ", "CatchmentGeometry"]),
    .target(name: "CatchmentCore", dependencies: ["CatchmentTables"], exclude: ["make_lsoa_vintages.py"]),
    .target(name: "CatchmentAnalysis", dependencies: ["CatchmentCore", "CatchmentTables", "CatchmentGeometry", "CatchmentEngine"]),
    // Every input of a run: layers and tables read, CRSs resolved and transformed, behind plain
    // value types that the CLI fills from its options.
    .target(
      name: "CatchmentInputs",
      dependencies: ["CatchmentAnalysis", "CatchmentCore", "CatchmentTables", "CatchmentGeometry", "CatchmentGeoIO", "CatchmentEngine", "CatchmentRegions"]),
    // Where a run's outputs go: staged and put in place all or nothing, checked against its
    // inputs before anything is read, standard output and error.
    .target(name: "CatchmentOutputs", dependencies: ["CatchmentTables"]),
    .target(name: "CatchmentDemoData"),
    // Regionalisation on a zone graph (adjacency + zone → unit flows): compact arrays, no I/O.
    .target(name: "CatchmentRegions"),
    // SVG figures: colour scales, maps simplified with shared borders, heatmaps, bars, flows.
    .target(name: "CatchmentFigures", dependencies: ["CatchmentGeometry"], exclude: ["make_colour_tables.py"]),
    // The study file of `catchment review` (TOML) and the manifest's provenance (SHA-256, vintages).
    .target(
      name: "CatchmentStudy",
      dependencies: [
        "CatchmentAnalysis",
        "CatchmentCore",
        "CatchmentTables",
        "CatchmentInputs",
        "CatchmentGeometry",
        // The report (ReviewReport): the pack's GeoJSON footprints drawn with the figures;
        // the review's footprints and --gpkg/--geojson written with GeoIO's writers.
        "CatchmentGeoIO",
        "CatchmentFigures",
        .product(name: "TOMLKit", package: "TOMLKit"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // One fuzz target per reader of outside files (driven by scripts/fuzz.sh with libFuzzer;
    // corpora replayed by CatchmentFuzzTargetsTests).
    .target(
      name: "CatchmentFuzzTargets",
      dependencies: ["CatchmentGeoIO", "CatchmentGeometry", "CatchmentAnalysis", "CatchmentCore", "CatchmentTables", "CSQLite"]),
    // Options → CatchmentInputs values → analyses → CatchmentOutputs. Never the readers or
    // the CSV layer (CLIImportsTests): the readers' errors it maps are CatchmentInputs'
    // vocabulary (ReaderErrors.swift), tables and number formats CatchmentOutputs'.
    .target(
      name: "CatchmentCLI",
      dependencies: [
        "CatchmentInputs", "CatchmentOutputs", "CatchmentAnalysis", "CatchmentCore", "CatchmentGeometry",
        "CatchmentStudy", "CatchmentRegions",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "catchment", dependencies: ["CatchmentCLI"]),
    .executableTarget(
      name: "catchment-demo-data",
      dependencies: [
        "CatchmentDemoData",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // Temporary files, fixture paths and a seeded generator shared by every test target.
    .target(name: "CatchmentTestSupport", path: "Tests/CatchmentTestSupport"),
    .testTarget(name: "CatchmentTablesTests", dependencies: ["CatchmentTables", "CatchmentTestSupport"]),
    .testTarget(name: "CatchmentGeometryTests", dependencies: ["CatchmentGeometry", "CatchmentTestSupport"]),
    .testTarget(name: "CatchmentGeoIOTests", dependencies: ["CatchmentGeoIO", "CatchmentTestSupport", "CatchmentEngine", "CSQLite"]),
    .testTarget(name: "CatchmentEngineTests", dependencies: ["CatchmentEngine", "CatchmentTestSupport"]),
    .testTarget(name: "CatchmentCoreTests", dependencies: ["CatchmentCore", "CatchmentTestSupport"]),
    .testTarget(name: "CatchmentAnalysisTests", dependencies: ["CatchmentAnalysis", "CatchmentGeoIO", "CatchmentTestSupport"]),
    .testTarget(
      name: "CatchmentInputsTests",
      dependencies: [
        "CatchmentInputs", "CatchmentGeometry", "CatchmentGeoIO", "CatchmentEngine", "CatchmentCore", "CatchmentRegions", "CatchmentTestSupport",
      ]),
    .testTarget(name: "CatchmentOutputsTests", dependencies: ["CatchmentOutputs", "CatchmentTestSupport"]),
    .testTarget(name: "CatchmentRegionsTests", dependencies: ["CatchmentRegions", "CatchmentTestSupport"]),
    .testTarget(name: "CatchmentDemoDataTests", dependencies: ["CatchmentDemoData", "CatchmentTestSupport"]),
    .testTarget(name: "CatchmentFiguresTests", dependencies: ["CatchmentFigures", "CatchmentGeoIO", "CatchmentTestSupport"]),
    .testTarget(name: "CatchmentStudyTests", dependencies: ["CatchmentStudy", "CatchmentTestSupport"]),
    .testTarget(name: "CatchmentFuzzTargetsTests", dependencies: ["CatchmentFuzzTargets", "CatchmentTestSupport"]),
    .testTarget(
      name: "CatchmentCLITests",
      dependencies: ["CatchmentCLI", "CatchmentTestSupport", "catchment"]),
  ]
)
