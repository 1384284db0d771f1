/// The shape of a geography before LSOAs, practices and PCNs are laid out: regions, ICBs,
/// sub-ICBs and councils, and how many LSOAs each council has in each sub-ICB.
///
/// The demo blueprint is written by hand (`DemoBlueprint`); the national one is drawn at
/// random (`NationalBlueprint`). `GeographyBuilder` turns either into a `DemoGeography`.
struct GeographyBlueprint {
  /// A run of consecutive LSOAs shared by one council and one sub-ICB.
  struct Piece {
    var council: Int
    var subICB: Int
    var lsoaCount: Int
  }

  /// How practices are laid out in one sub-ICB.
  struct PracticePlan {
    var practiceCount: Int
    var pcnCount: Int
  }

  var regions: [DemoGeography.Region]
  var icbs: [DemoGeography.ICB]
  var subICBs: [DemoGeography.SubICB]
  var councils: [DemoGeography.Council]
  /// Pieces in LSOA code order: LSOA codes are numbered through them consecutively.
  var pieces: [Piece]
  /// One plan per sub-ICB.
  var practicePlans: [PracticePlan]
  /// First LSOA code number (the code is "E01" followed by six digits).
  var firstLSOANumber: Int
  /// Letter that starts every practice code in each region (ODS practice codes are a letter
  /// and five digits).
  var practiceLetters: [Character]
  /// Sub-ICB of an extra, closed practice that keeps registrations but has no mapping row.
  var closedPracticeSubICB: Int?
  /// Index of the LSOA to leave out of the population file.
  var missingPopulationLSOA: Int?
  /// Indices of practices (in code order) whose name gets a comma, as real names sometimes do.
  var practicesWithCommaInName: Set<Int>
}
