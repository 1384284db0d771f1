import ArgumentParser
import Foundation
import CatchmentAnalysis
import CatchmentCore
import CatchmentGeometry
import CatchmentInputs

struct FlowsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "flows",
    abstract: "Cross-boundary flows of registered patients: where they live against where their practice is.",
    discussion: """
      F[a][b] = Σ w(z,a)·n(p,z)·[p ∈ b]: patients living in footprint a \
      (through the crosswalk) registered with a practice of footprint b \
      (through the practice map).

      Reads NHS "Patients Registered at a GP Practice" LSOA files as published \
      (NUMBER_OF_PATIENTS) or re-exported by R (Number.of.Patients, a leading \
      index column). SEX rule, per file: if any SEX=ALL rows exist only they \
      are counted, otherwise MALE and FEMALE rows are summed. Patients in zones \
      the crosswalk does not know (pseudo codes such as CLOSED or L99999999, \
      Welsh, Scottish or Northern Ireland zones, codes of another vintage) go \
      to the residence footprint UNALLOCATED; patients of practices missing \
      from the map go to the registration footprint UNALLOCATED. All of it is \
      reported by reason and code.

      Any table of counts per unit per zone works (e.g. hospital activity per \
      trust per MSOA): name its columns with --unit-column, --zone-column and \
      --count-column, and map units with --practice-map. PCN "residence" \
      footprints derived from registrations are circular (a PCN's area defined \
      by where its own patients live): use them to describe, not to measure \
      containment.

      Example (reads the crosswalk that the example of 'catchment crosswalk --help' \
      writes):
        catchment flows --crosswalk out/lsoa_icb.csv \\
          --registrations data/gp_reg_pat_prac_lsoa.csv \\
          --practice-map data/gp_reg_pat_prac_map.csv \\
          --practice-footprint ONS_ICB_CODE \\
          --output out/flows.csv --matrix-output out/flow_matrix.csv \\
          --summary-output out/flow_summary.csv \\
          --practice-output out/practice_flows.csv \\
          --population data/population_lsoa_mid2022.csv \\
          --population-id "Area Codes" --population-value "All Ages" \\
          --population-year 2022 --report out/flows_report.json

      With --gpkg FILE (a GeoPackage) or --geojson FILE (RFC 7946, WGS 84) it also \
      writes each footprint's polygon with the summary's measures: population, \
      resident_registered, registered_list, retained, retention, capture, inflow, \
      outflow, net and list_inflation (NULL where a measure does not apply). The \
      polygons are --footprints (with --footprint-id, in the crosswalk's codes) or \
      --zones dissolved by the residence crosswalk; with --zones the GeoPackage \
      adds a layer 'zones' with each zone's footprint and weight. Both are in the \
      working CRS (--crs) and written with the tables, all or nothing.

      Example (the same flows, with the ICBs drawn from the LSOA polygons):
        catchment flows --crosswalk out/lsoa_icb.csv \\
          --registrations data/gp_reg_pat_prac_lsoa.csv \\
          --practice-map data/gp_reg_pat_prac_map.csv \\
          --practice-footprint ONS_ICB_CODE \\
          --output out/flows.csv --summary-output out/flow_summary.csv \\
          --population data/population_lsoa_mid2022.csv \\
          --population-id "Area Codes" --population-value "All Ages" \\
          --zones data/lsoa_boundaries.geojson --zone-id LSOA21CD \\
          --gpkg out/flows.gpkg
      """)

  @Option(help: ArgumentHelp("Registered patients per practice per zone (NHS gp-reg-pat-prac-lsoa-all.csv).", valueName: "file"))
  var registrations: String

  @Option(name: .customLong("unit-column"), help: ArgumentHelp("Unit (practice) code column.", valueName: "column"))
  var unitColumn: String = "PRACTICE_CODE"

  @Option(name: .customLong("zone-column"), help: ArgumentHelp("Residence zone column (default: LSOA_CODE, or LSOA21CD/LSOA11CD).", valueName: "column"))
  var zoneColumn: String?

  @Option(name: .customLong("count-column"), help: ArgumentHelp("Count column (default: NUMBER_OF_PATIENTS or Number.of.Patients).", valueName: "column"))
  var countColumn: String?

  @OptionGroup(title: "Residence crosswalk")
  var crosswalk: CrosswalkSource

  @OptionGroup(title: "Registrations of another zone vintage")
  var recode: RecodeOption

  @Option(name: .customLong("practice-map"), help: ArgumentHelp("Practice → footprint map (NHS gp-reg-pat-prac-map.csv, CCG- or ICB-era columns, or any CSV with PRACTICE_CODE).", valueName: "file"))
  var practiceMap: String?

  @Option(name: .customLong("practice-footprint"), help: ArgumentHelp("Map column giving each practice's registration footprint, with the same codes as the crosswalk (e.g. ONS_ICB_CODE, ONS_SUB_ICB_LOCATION_CODE, PCN_CODE).", valueName: "column"))
  var practiceFootprint: String?

  @OptionGroup(title: "Practices placed by postcode (instead of, or with, --practice-map: see --practice-placement)")
  var locations: PracticeLocationOptions

  @Option(help: ArgumentHelp("Working CRS for placing practices (projected).", valueName: "crs"))
  var crs = CRSReference.epsg(27700)

  @Option(name: .customLong("practice-footprint-name"), help: ArgumentHelp("Map column with footprint names (default: inferred, e.g. ICB_NAME).", valueName: "column"))
  var practiceFootprintName: String?

  @Option(name: .customLong("practice-code-column"), help: ArgumentHelp("Practice code column of the map.", valueName: "column"))
  var practiceCodeColumn: String = "PRACTICE_CODE"

  @Option(name: .shortAndLong, help: ArgumentHelp("Long flow table: residence_footprint,registration_footprint,patients (each code followed by its _name column when names are known).", valueName: "file"))
  var output: String

  @Option(name: .customLong("matrix-output"), help: ArgumentHelp("Wide flow matrix: rows residence, columns registration, with totals.", valueName: "file"))
  var matrixOutput: String?

  @Option(name: .customLong("summary-output"), help: ArgumentHelp("Per footprint: resident_registered, registered_list, retained, retention, capture, inflow, outflow, net (+ resident_population, list_inflation), practices_in_file, practices_in_map.", valueName: "file"))
  var summaryOutput: String?

  @Option(name: .customLong("practice-output"), help: ArgumentHelp("Per practice: its list split over residence footprints, with shares.", valueName: "file"))
  var practiceOutput: String?

  @OptionGroup(title: "Population (adds resident_population and list_inflation to the summary)")
  var population: PopulationOptions

  @Option(name: .customLong("population-crosswalk"), help: ArgumentHelp("Crosswalk for the population's zones when they differ from the registrations' (default: the residence crosswalk).", valueName: "file"))
  var populationCrosswalk: String?

  @Option(name: .customLong("population-year"), help: ArgumentHelp("Year of the population estimate, checked against the extract date (list inflation compares like years).", valueName: "year"))
  var populationYear: Int?

  @OptionGroup(title: "Footprint polygons (for --gpkg and --geojson)")
  var polygons: FootprintPolygonOptions

  @OptionGroup(title: "Geodata (footprints for QGIS, R and geopandas)")
  var geodata: GeodataOptions

  @OptionGroup(title: "Run")
  var runOptions: RunOptions

  func validate() throws {
    if practiceMap == nil && !locations.isGiven {
      throw ValidationError("give the registration side: --practice-map FILE --practice-footprint COLUMN, or --practices FILE --postcodes PATH... --practice-footprints PATH... --practice-footprint-id FIELD")
    }
    if practiceMap != nil && practiceFootprint == nil { throw ValidationError("--practice-map needs --practice-footprint COLUMN (e.g. ONS_ICB_CODE)") }
    if locations.placementOutput != nil && (practiceMap == nil || !locations.isGiven) {
      throw ValidationError("--practice-placement-output compares the two sources: give both --practice-map and --practices")
    }
    if populationCrosswalk != nil && !population.isGiven { throw ValidationError("--population-crosswalk needs --population") }
    try geodata.require(polygons.isGiven, "--zones PATH... --zone-id FIELD (dissolved by the residence crosswalk) or --footprints PATH... --footprint-id FIELD")
    if polygons.isGiven && !geodata.isGiven { throw ValidationError("--zones and --footprints draw the footprints for --gpkg FILE or --geojson FILE; add one") }
    if summaryOutput == nil && !geodata.isGiven && population.isGiven {
      throw ValidationError("--population is used for the summary's list inflation; add --summary-output FILE")
    }
  }

  func run() throws {
    let report = RunReport(command: "flows")
    let crosswalk = try self.crosswalk.load(report: report)
    var columns = UnitZoneColumns()
    columns.unit = [unitColumn]
    if let zoneColumn { columns.zone = [zoneColumn] }
    if let countColumn { columns.count = [countColumn] }
    let table = try recode.registrations(UnitZoneTable(path: registrations, columns: columns), report: report)
    let counts = UnitZoneCounts(table: table, crosswalk: crosswalk)
    report.add(counts.summary)
    report.repeated(counts.repeatedRows)
    var map: UnitFootprintMap?
    if let practiceMap, let practiceFootprint {
      var mapColumns = UnitMapColumns(footprint: practiceFootprint, footprintName: practiceFootprintName)
      mapColumns.unit = [practiceCodeColumn]
      let read = try UnitFootprintMap.read(path: practiceMap, columns: mapColumns)
      report.record(read.account)
      map = read.map
    }
    // Practices per footprint (summary) are counted over the published map, not over the
    // practices a list of every organisation places by postcode.
    let publishedMap = map
    if locations.isGiven {
      let (located, placed) = try locations.place(workingCRS: crs, workers: ProcessInfo.processInfo.activeProcessorCount)
      report.record(placed)
      if let mapped = map {
        let placement = PracticePlacement(order: locations.placement.sources, map: mapped, located: located, counts: counts)
        report.record(placement.account())
        if let path = locations.placementOutput {
          try write(placement.disagreementsCSV(byteOrderMark: runOptions.bom), to: path)
          report.note("\(placement.disagreements.count) practice placement disagreements written to \(path)")
        }
        map = placement.map
      } else {
        map = located
      }
    }
    let registration = map!
    let matrix = FlowMatrix(
      counts: counts, crosswalk: crosswalk, map: registration, keepUnitBreakdown: practiceOutput != nil, practiceList: publishedMap)
    report.record(matrix.account)

    let extract = ExtractDates(counts.extractDates)
    report.record(extract.account())
    report.figure("patients counted", counts.total)
    report.figure("practices", Double(counts.units.count))

    var resident: ResidentPopulation?
    if population.isGiven {
      var populationReport = crosswalk
      if let populationCrosswalk { populationReport = try readCrosswalk(path: populationCrosswalk, report: report) }
      let (zones, zonesAccount) = try ZonePopulation.read(path: population.population!, columns: population.columns, crosswalk: populationReport)
      report.record(zonesAccount)
      resident = ResidentPopulation(population: zones, crosswalk: populationReport)
      checkYears(report: report, extract: extract)
    }

    report.figure("patients in flow table", matrix.tableTotal)
    try write(matrix.longCSV(numbers: runOptions.numbers, byteOrderMark: runOptions.bom), to: output)
    if let matrixOutput { try write(matrix.matrixCSV(numbers: runOptions.numbers, byteOrderMark: runOptions.bom), to: matrixOutput) }
    let summary = summaryOutput != nil || geodata.isGiven ? FlowSummary(matrix: matrix, population: resident) : nil
    if let summary { report.record(summary.partialFootprintsWarning()) }
    if let summaryOutput, let summary {
      try write(summary.csv(numbers: runOptions.numbers, byteOrderMark: runOptions.bom), to: summaryOutput)
    }
    if let summary, let source = polygons.source {
      let drawn = try FootprintPolygons.drawn(
        source, crosswalk: crosswalk, workingCRS: crs, workers: ProcessInfo.processInfo.activeProcessorCount, reads: BoundaryReads())
      report.record(drawn.account)
      try geodata.write(FootprintGeodata.flows(summary, crosswalk: crosswalk, polygons: drawn), inputs: files, report: report)
    }
    if let practiceOutput { try write(matrix.unitCSV(numbers: runOptions.numbers, byteOrderMark: runOptions.bom), to: practiceOutput) }
    try runOptions.finish(report)
  }

  /// List inflation compares like years: warn when the population's year differs from the
  /// extract's (``ExtractDates/checkPopulationYear(_:)``), or say that it could not be
  /// checked.
  private func checkYears(report: RunReport, extract: ExtractDates) {
    guard let populationYear else {
      report.note("list inflation compares registrations with the population given; give --population-year to check that the years match")
      return
    }
    report.record(extract.checkPopulationYear(populationYear))
  }
}
