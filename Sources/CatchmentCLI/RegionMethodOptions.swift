import ArgumentParser
import CatchmentRegions

/// `--method` of `regions`.
enum RegionMethodName: String, ExpressibleByArgument, CaseIterable {
  case plurality, ttwa, optimise
}

extension Contiguity: ExpressibleByArgument {}

/// How `regions` draws its regions: the method, the number of regions, the population bounds,
/// contiguity, blocks, and the travel-to-work-area parameters.
struct RegionMethodOptions: ParsableArguments {
  @Option(help: ArgumentHelp("plurality (Dartmouth: each zone to the unit receiving most of its flow, made contiguous), ttwa (ONS travel-to-work areas), optimise (exactly --regions K, maximising self-containment).", valueName: "method"))
  var method: RegionMethodName?

  @Option(help: ArgumentHelp("Number of regions K (optimise).", valueName: "K"))
  var regions: Int?

  @Option(name: .customLong("min-population"), help: ArgumentHelp("Smallest population of a region: plurality merges smaller regions, optimise keeps above it; every method reports regions below.", valueName: "n"))
  var minPopulation: Double?

  @Option(name: .customLong("max-population"), help: ArgumentHelp("Largest population of a region: optimise keeps below it; every method reports regions above.", valueName: "n"))
  var maxPopulation: Double?

  @Option(help: ArgumentHelp("Which adjacencies join zones: rook (edges and links) or queen (corners too).", valueName: "rook|queen"))
  var contiguity: Contiguity = .rook

  @Option(name: .customLong("self-containment"), help: ArgumentHelp("ttwa: self-containment required at --min-size.", valueName: "x"))
  var selfContainment = TTWAParameters().selfContainment

  @Option(name: .customLong("min-self-containment"), help: ArgumentHelp("ttwa: self-containment enough at --target-size and above.", valueName: "x"))
  var minSelfContainment = TTWAParameters().minSelfContainment

  @Option(name: .customLong("target-size"), help: ArgumentHelp("ttwa: population from which --min-self-containment is enough.", valueName: "n"))
  var targetSize = TTWAParameters().targetSize

  @Option(name: .customLong("min-size"), help: ArgumentHelp("ttwa: smallest population of a region.", valueName: "n"))
  var minSize = TTWAParameters().minSize

  func validate() throws {
    if let regions, regions < 1 { throw ValidationError("--regions must be at least 1") }
    if let minPopulation, !(minPopulation >= 0) { throw ValidationError("--min-population must not be negative") }
    if let maxPopulation, !(maxPopulation > 0) { throw ValidationError("--max-population must be positive") }
    if let minPopulation, let maxPopulation, minPopulation > maxPopulation { throw ValidationError("--min-population is above --max-population") }
    if method == .optimise && regions == nil { throw ValidationError("--method optimise needs --regions K") }
    for (value, name) in [(selfContainment, "--self-containment"), (minSelfContainment, "--min-self-containment")] where !(value > 0 && value <= 1) {
      throw ValidationError("\(name) must be in (0, 1]")
    }
  }

  /// The settings as the library takes them (with `method`, which must be given).
  func settings(blocks: ZoneBlocks?, workers: Int) -> RegionSettings {
    let chosen: RegionMethod
    switch method ?? .plurality {
    case .plurality: chosen = .plurality
    case .ttwa:
      chosen = .ttwa(TTWAParameters(selfContainment: selfContainment, minSelfContainment: minSelfContainment, targetSize: targetSize, minSize: minSize))
    case .optimise: chosen = .optimise
    }
    return RegionSettings(
      method: chosen, regions: regions, minPopulation: minPopulation, maxPopulation: maxPopulation, contiguity: contiguity, blocks: blocks,
      workers: workers)
  }
}

/// `--curve K1:K2`: a range of region counts.
struct RegionCountRange: ExpressibleByArgument {
  var range: ClosedRange<Int>

  init?(argument: String) {
    let parts = argument.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]), low >= 1, low <= high else { return nil }
    range = low...high
  }

  var defaultValueDescription: String { "\(range.lowerBound):\(range.upperBound)" }
}
