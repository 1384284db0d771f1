import CatchmentAnalysis
import CatchmentGeometry
import Foundation

/// A footprint review as the analyst wrote it in a study file (TOML): every input named once,
/// with the columns to read. See the article <doc:StudyFile> for every key.
///
/// Paths are resolved relative to the folder of the study file; each keeps the text as written
/// (``StudyPath/given``) for the manifest.
public struct Study: Equatable, Sendable {
  /// A title for the pack (`title`).
  public var title: String
  /// The folder the pack is written to (`output`).
  public var output: StudyPath
  /// Residents per zone (`[population]`), if given.
  public var population: PopulationSpec?
  /// Zone polygons (`[zones]`), if given; needed by polygon layers.
  public var zones: ZonesSpec?
  /// The footprint layers by name (`[layers.NAME]`).
  public var layers: [String: LayerSpec]
  /// Which layers are reviewed against which (`[review]`).
  public var review: ReviewSpec
  /// GP registrations and the practice map (`[registrations]`), if given.
  public var registrations: RegistrationsSpec?
  /// Provider activity (`[providers]`), if given.
  public var providers: ProvidersSpec?
  /// What-if footprints built from blocks (`[[proposals]]`), in file order.
  public var proposals: [ProposalSpec]

  public init(
    title: String, output: StudyPath, population: PopulationSpec? = nil, zones: ZonesSpec? = nil,
    layers: [String: LayerSpec], review: ReviewSpec, registrations: RegistrationsSpec? = nil,
    providers: ProvidersSpec? = nil, proposals: [ProposalSpec] = []
  ) {
    self.title = title
    self.output = output
    self.population = population
    self.zones = zones
    self.layers = layers
    self.review = review
    self.registrations = registrations
    self.providers = providers
    self.proposals = proposals
  }
}

/// A path from the study file: the text as written and the file it names, resolved against the
/// study file's folder (absolute paths stay as they are).
public struct StudyPath: Equatable, Sendable, CustomStringConvertible {
  /// The path exactly as written in the study file (what the manifest records).
  public var given: String
  /// The resolved, standardised file URL.
  public var url: URL

  public init(_ given: String, relativeTo folder: URL) {
    self.given = given
    // The folder must be a directory URL, or "out" relative to "/studies" would be "/out".
    let base = URL(fileURLWithPath: folder.path, isDirectory: true)
    self.url = URL(fileURLWithPath: given, relativeTo: base).standardizedFileURL
  }

  public var description: String { given }
}

/// `[population]`: residents per zone, as `catchment populations --population` reads them.
public struct PopulationSpec: Equatable, Sendable {
  /// The table (`file`).
  public var file: StudyPath
  /// The zone code column (`id`).
  public var id: String
  /// The residents column (`value`).
  public var value: String
  /// The estimate's year (`year`), recorded in the manifest; optional.
  public var year: Int?
  /// Keep only rows where each column equals the value (`filter`, column = value); empty when
  /// not given.
  public var filter: [String: String]

  public init(file: StudyPath, id: String, value: String, year: Int? = nil, filter: [String: String] = [:]) {
    self.file = file
    self.id = id
    self.value = value
    self.year = year
    self.filter = filter
  }
}

/// `[zones]`: the zone polygons, for polygon layers, area splits and maps.
public struct ZonesSpec: Equatable, Sendable {
  /// A file, a folder or a glob (`path`).
  public var path: StudyPath
  /// The zone code attribute (`id`).
  public var id: String
  /// The CRS assumed when the file states none (`crs`, e.g. `EPSG:27700`); optional.
  public var crs: CRSReference?
  /// Population-weighted centroids for best-fit layers (`[zones.centroids]`); optional.
  public var centroids: CentroidsSpec?

  public init(path: StudyPath, id: String, crs: CRSReference? = nil, centroids: CentroidsSpec? = nil) {
    self.path = path
    self.id = id
    self.crs = crs
    self.centroids = centroids
  }
}

/// `[zones.centroids]`: one point per zone, as `crosswalk --centroids` reads them.
public struct CentroidsSpec: Equatable, Sendable {
  public var file: StudyPath
  /// Zone code column (`id`), easting/longitude column (`x`), northing/latitude column (`y`).
  public var id: String
  public var x: String
  public var y: String
  /// The points' CRS (`crs`); optional.
  public var crs: CRSReference?

  public init(file: StudyPath, id: String, x: String, y: String, crs: CRSReference? = nil) {
    self.file = file
    self.id = id
    self.x = x
    self.y = y
    self.crs = crs
  }
}

/// How a polygon layer assigns zones to its footprints (`method`).
public enum PolygonMethod: String, Equatable, Sendable, CaseIterable {
  /// Each zone wholly to the footprint containing its centroid.
  case bestFit = "best-fit"
  /// Each zone split by the share of its area in each footprint.
  case area = "area"
}

/// `[layers.NAME]`: one footprint layer, from exactly one source.
public enum LayerSpec: Equatable, Sendable {
  /// From an ONS-style lookup (`lookup`, `zone`, `footprint`, optional `name` and `weight`
  /// columns).
  case lookup(file: StudyPath, zone: String, footprint: String, name: String?, weight: String?)
  /// From footprint polygons overlaid on `[zones]` (`polygons`, `id`, optional `name`, `method`,
  /// optional `crs`).
  case polygons(path: StudyPath, id: String, name: String?, method: PolygonMethod, crs: CRSReference?)
  /// From a crosswalk CSV that Catchment wrote (`crosswalk`).
  case crosswalk(file: StudyPath)
}

/// `[review]`: the footprints under review and what they are compared with.
public struct ReviewSpec: Equatable, Sendable {
  /// The layer under review (`baseline`).
  public var baseline: String
  /// The local-government layer for coterminosity (`councils`); optional.
  public var councils: String?
  /// Other layers overlapped with the baseline (`others`); empty when not given.
  public var others: [String]
  /// Layers from the smallest to the largest whose nesting is checked (`nesting`, e.g.
  /// `["sicbl", "icb"]`: does each sub-ICB location lie within one ICB?), as `catchment nesting`
  /// with their crosswalks in that order; empty when not given.
  public var nesting: [String]

  public init(baseline: String, councils: String? = nil, others: [String] = [], nesting: [String] = []) {
    self.baseline = baseline
    self.councils = councils
    self.others = others
    self.nesting = nesting
  }
}

/// `[registrations]`: patients registered at each practice by zone of residence.
public struct RegistrationsSpec: Equatable, Sendable {
  /// NHS England's `gp-reg-pat-prac-lsoa` table or the same layout (`file`).
  public var file: StudyPath
  /// The practice → footprint map (`practice_map`); optional.
  public var practiceMap: StudyPath?
  /// The map's column holding the baseline layer's footprint codes (`practice_footprint`);
  /// given exactly when `practice_map` is.
  public var practiceFootprint: String?

  public init(file: StudyPath, practiceMap: StudyPath? = nil, practiceFootprint: String? = nil) {
    self.file = file
    self.practiceMap = practiceMap
    self.practiceFootprint = practiceFootprint
  }
}

/// What an activity row counts (`count` or `share`, exactly one).
public enum ActivityMeasure: Equatable, Sendable {
  /// A patients column; shares are count ÷ the zone's total.
  case count(String)
  /// A share column, already computed (e.g. OHID `proportion`).
  case share(String)
}

/// `[providers]`: provider activity by zone of residence, for catchments and membership.
public struct ProvidersSpec: Equatable, Sendable {
  /// The activity table (`activity`).
  public var activity: StudyPath
  /// Zone of residence column (`zone`) and provider code column (`provider`).
  public var zone: String
  public var provider: String
  /// `count = "column"` or `share = "column"`.
  public var measure: ActivityMeasure
  /// Patients of all providers from the zone (`total`); optional (default: the sum of the zone's
  /// rows).
  public var total: String?
  /// Keep only rows where each column equals the value (`filter`); empty when not given.
  public var filter: [String: String]
  /// How a zone's population goes to providers (`method`, default `proportional`); only the
  /// activity methods (not `nearest`, `huff`).
  public var method: CatchmentMethod
  /// Membership threshold (`threshold`, a share in [0, 1], default 0.05).
  public var threshold: Double
  /// A provider names file in the ODS `etr.csv` layout (`names`); optional.
  public var names: StudyPath?

  public init(
    activity: StudyPath, zone: String, provider: String, measure: ActivityMeasure, total: String? = nil,
    filter: [String: String] = [:], method: CatchmentMethod = .proportional, threshold: Double = 0.05,
    names: StudyPath? = nil
  ) {
    self.activity = activity
    self.zone = zone
    self.provider = provider
    self.measure = measure
    self.total = total
    self.filter = filter
    self.method = method
    self.threshold = threshold
    self.names = names
  }
}

/// `[[proposals]]`: a what-if footprint set built by assigning a layer's footprints (the blocks)
/// to new footprints.
public struct ProposalSpec: Equatable, Sendable {
  /// Used in the pack's file names (`name`).
  public var name: String
  /// The layer whose footprints are the blocks (`blocks`).
  public var blocks: String
  /// The CSV mapping each block to its proposed footprint (`assign`).
  public var assign: StudyPath
  /// Its block column (`block_column`, default `block_id`) and footprint column
  /// (`footprint_column`, default `footprint_id`).
  public var blockColumn: String
  public var footprintColumn: String
  /// Its footprint name column (`footprint_name_column`); optional.
  public var footprintNameColumn: String?
  /// Its column of a block's share in the footprint, for blocks split between footprints
  /// (`weight_column`); optional.
  public var weightColumn: String?

  public init(
    name: String, blocks: String, assign: StudyPath, blockColumn: String = "block_id",
    footprintColumn: String = "footprint_id", footprintNameColumn: String? = nil, weightColumn: String? = nil
  ) {
    self.name = name
    self.blocks = blocks
    self.assign = assign
    self.blockColumn = blockColumn
    self.footprintColumn = footprintColumn
    self.footprintNameColumn = footprintNameColumn
    self.weightColumn = weightColumn
  }
}
