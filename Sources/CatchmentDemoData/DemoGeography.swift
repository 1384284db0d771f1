/// The fictional geography behind one set of demo files: every code and name that the four
/// layouts print, with the nesting that links them.
///
/// Indices (not codes) link the records so that generation never depends on dictionary order.
struct DemoGeography {
  /// An NHS commissioning region, which also stands in for the ONS region (E12) of its councils.
  struct Region {
    var code: String  // E40…
    var odsCode: String  // Y…
    var name: String
    var onsCode: String  // E12…, used by the population file's region total rows
  }

  /// An integrated care board.
  struct ICB {
    var code: String  // E54…
    var odsCode: String  // Q…
    var name: String
    var region: Int
    /// Two-letter fictional postcode area of its practices ("X" never starts a real UK postcode).
    var postcodeArea: String
  }

  /// A sub-ICB location. Its LSOAs form a line (`lsoas` in order) along which practices sit,
  /// which gives the registrations a simple, deterministic notion of distance.
  struct SubICB {
    var code: String  // E38…
    var odsCode: String  // e.g. 90A
    var name: String
    var icb: Int
    /// Neighbouring sub-ICBs: LSOAs near the start of the line cross to the first, near the
    /// end to the last.
    var neighbours: [Int]
    var lsoas: [Int] = []
    var practices: [Int] = []
  }

  /// A local authority district (lower-tier or unitary council).
  struct Council {
    var code: String  // E06/E07/E08/E09…
    var name: String
    var region: Int
    var lsoas: [Int] = []
  }

  /// A lower layer super output area.
  struct LSOA {
    var code: String
    var name: String
    var subICB: Int
    var council: Int
    /// Position on its sub-ICB's line (0-based).
    var position: Int
  }

  /// A primary care network.
  struct PCN {
    var code: String
    var name: String
  }

  /// A GP practice.
  struct Practice {
    var code: String
    var name: String
    var postcode: String
    var pcn: Int
    var subICB: Int
    /// Where the practice sits on its sub-ICB's line, in LSOA positions.
    var centre: Int
    /// Relative list size in per mille of an average practice.
    var sizePermille: Int
    var supplier: String
    /// False for the closed practice that still has registrations but no mapping row.
    var inMap: Bool
  }

  var regions: [Region] = []
  var icbs: [ICB] = []
  var subICBs: [SubICB] = []
  var councils: [Council] = []
  var lsoas: [LSOA] = []
  var pcns: [PCN] = []
  /// Practices in code order.
  var practices: [Practice] = []
  /// Index of the LSOA deliberately left out of the population file, if any.
  var missingPopulationLSOA: Int?
}
