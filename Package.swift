// swift-tools-version: 6.1
//
// Catchment: population-boundary and catchment analysis for NHS footprints.
//
// Dependencies run one way:
//   catchment (CLI) → CatchmentCLI → CatchmentAnalysis → CatchmentCore → CatchmentTables
// CatchmentTables knows bytes and CSV; CatchmentCore knows zones, footprints, crosswalks and
// the run report; CatchmentAnalysis computes the measures in ../shared/MISSION.md. Geometry
// (GEOS/PROJ system libraries and the boundary readers) plugs in beside CatchmentTables and
// produces the same `Crosswalk` type.
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
    .target(name: "CatchmentCore", dependencies: ["CatchmentTables"]),
    .target(name: "CatchmentAnalysis", dependencies: ["CatchmentCore", "CatchmentTables", "CatchmentGeometry", "CatchmentEngine"]),
    .target(name: "CatchmentDemoData"),
    // The study file of `catchment review` (TOML) and the manifest's provenance (SHA-256, vintages).
    .target(
      name: "CatchmentStudy",
      dependencies: [
        "CatchmentAnalysis",
        .product(name: "TOMLKit", package: "TOMLKit"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // One fuzz target per reader of outside files (driven by scripts/fuzz.sh with libFuzzer;
    // corpora replayed by CatchmentFuzzTargetsTests).
    .target(
      name: "CatchmentFuzzTargets",
      dependencies: ["CatchmentGeoIO", "CatchmentGeometry", "CatchmentAnalysis", "CatchmentCore", "CatchmentTables", "CSQLite"]),
    .target(
      name: "CatchmentCLI",
      dependencies: [
        "CatchmentAnalysis", "CatchmentCore", "CatchmentTables", "CatchmentGeometry", "CatchmentGeoIO", "CatchmentEngine",
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
    .testTarget(name: "CatchmentGeoIOTests", dependencies: ["CatchmentGeoIO", "CatchmentTestSupport"]),
    .testTarget(name: "CatchmentEngineTests", dependencies: ["CatchmentEngine", "CatchmentTestSupport"]),
    .testTarget(name: "CatchmentCoreTests", dependencies: ["CatchmentCore", "CatchmentTestSupport"]),
    .testTarget(name: "CatchmentAnalysisTests", dependencies: ["CatchmentAnalysis", "CatchmentGeoIO", "CatchmentTestSupport"]),
    .testTarget(name: "CatchmentDemoDataTests", dependencies: ["CatchmentDemoData", "CatchmentTestSupport"]),
    .testTarget(name: "CatchmentStudyTests", dependencies: ["CatchmentStudy", "CatchmentTestSupport"]),
    .testTarget(name: "CatchmentFuzzTargetsTests", dependencies: ["CatchmentFuzzTargets", "CatchmentTestSupport"]),
    .testTarget(
      name: "CatchmentCLITests",
      dependencies: ["CatchmentCLI", "CatchmentTestSupport", "catchment"]),
  ]
)
