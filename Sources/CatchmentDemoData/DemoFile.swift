/// The files the generator writes, named as in `data/` at both scales.
public enum DemoFile: String, CaseIterable, Sendable {
  /// ONS-style LSOA → sub-ICB location → ICB → LAD lookup (UTF-8 BOM, CRLF).
  case lookup = "lsoa_sicbl_icb_lad_lookup.csv"
  /// SAPE-style mid-year population with total rows and thousands separators (CRLF).
  case population = "population_lsoa_mid2022.csv"
  /// NHS "Patients Registered at a GP Practice" by LSOA, SEX=ALL.
  case registrations = "gp_reg_pat_prac_lsoa.csv"
  /// NHS practice → PCN → sub-ICB → ICB → region mapping.
  case practiceMap = "gp_reg_pat_prac_map.csv"
  /// The registrations split into MALE and FEMALE rows (demo scale only).
  case registrationsBySex = "gp_reg_pat_prac_lsoa_sex.csv"
  /// LSOA polygons, GeoJSON in EPSG:27700 (demo scale only).
  case zoneBoundaries = "lsoa_boundaries.geojson"
  /// Sub-ICB location polygons, GeoJSON (demo scale only).
  case subICBBoundaries = "sicbl_boundaries.geojson"
  /// Two proposed footprints that overlap each other, GeoJSON (demo scale only).
  case proposedFootprints = "proposed_footprints.geojson"
  /// ICB polygons as an ESRI Shapefile and its companions (demo scale only).
  case icbShapes = "icb_boundaries.shp"
  case icbShapeIndex = "icb_boundaries.shx"
  case icbAttributes = "icb_boundaries.dbf"
  case icbProjection = "icb_boundaries.prj"
  case icbCodePage = "icb_boundaries.cpg"
  /// LSOA population-weighted centroids, easting/northing (demo scale only).
  case centroids = "lsoa_pwc.csv"
  /// NHS trusts in the layout of ODS `etr.csv`: no header, 27 quoted columns (demo scale only).
  case trusts = "trusts_etr.csv"
  /// Trust sites with British National Grid points and beds (demo scale only).
  case trustSites = "trust_sites.csv"
  /// OHID-style trust catchment activity by LSOA, two years and three admission types (demo
  /// scale only).
  case trustActivity = "trust_activity.csv"
  /// A postcode directory (`pcds,oseast1m,osnrth1m`) of the trust postcodes (demo scale only).
  case postcodes = "postcodes.csv"
  /// ONS-style LSOA (2011) → LSOA (2021) → LAD (2022) bridge lookup with change codes U, S, M
  /// and X (UTF-8 BOM, CRLF).
  case bridgeLookup = "lsoa11_lsoa21_lookup.csv"
  /// SAPE-style mid-2020 population of the LSOA 2011 zones, laid out as `population`.
  case population2011 = "population_lsoa11_mid2020.csv"
  /// LSOA 2011 polygons, GeoJSON in EPSG:27700 (demo scale only).
  case zoneBoundaries2011 = "lsoa11_boundaries.geojson"

  /// The files written at `scale`, in writing order.
  public static func files(for scale: DemoScale) -> [DemoFile] {
    switch scale {
    case .demo: return allCases
    case .national:
      return [.lookup, .population, .registrations, .practiceMap, .bridgeLookup, .population2011]
    }
  }
}
