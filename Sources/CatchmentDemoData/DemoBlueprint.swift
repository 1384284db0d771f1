/// The hand-written fictional region of the `demo` scale.
///
/// Two ICBs in "Demo Region" plus a neighbouring ICB in "West Demo Region". Councils are
/// deliberately not coterminous with the NHS footprints, because the overlap measures need
/// something to find: Northvale is split between two sub-ICBs, Riverton fills two sub-ICBs,
/// and Westmoor straddles an ICB (and a region) boundary.
enum DemoBlueprint {
  static func make() -> GeographyBlueprint {
    let regions = [
      DemoGeography.Region(
        code: "E40000901", odsCode: "Y90", name: "Demo Region", onsCode: "E12000901"),
      DemoGeography.Region(
        code: "E40000902", odsCode: "Y91", name: "West Demo Region", onsCode: "E12000902"),
    ]
    // The second ICB's name contains commas, as several real ICB names do, so every reader
    // must cope with RFC 4180 quoting.
    let icbs = [
      DemoGeography.ICB(
        code: "E54000901", odsCode: "QX1", name: "NHS Demoshire Integrated Care Board",
        region: 0, postcodeArea: "XD"),
      DemoGeography.ICB(
        code: "E54000902", odsCode: "QX2",
        name: "NHS Riverton, Kelmoor and Marsh Integrated Care Board", region: 0,
        postcodeArea: "XR"),
      DemoGeography.ICB(
        code: "E54000903", odsCode: "QX3", name: "NHS Westmoor Integrated Care Board",
        region: 1, postcodeArea: "XW"),
    ]
    func subICB(
      _ n: Int, _ ods: String, _ icb: Int, _ neighbours: [Int]
    ) -> DemoGeography.SubICB {
      let short = ["NHS Demoshire", "NHS Riverton, Kelmoor and Marsh", "NHS Westmoor"][icb]
      return DemoGeography.SubICB(
        code: "E3800090\(n)", odsCode: ods, name: "\(short) ICB - \(ods)", icb: icb,
        neighbours: neighbours)
    }
    // Neighbours run along a chain 90B – 90C – 90A – 91A – 91B – 92A, with 90B also touching
    // 90A so that the small sub-ICBs trade patients both ways.
    let subICBs = [
      subICB(1, "90A", 0, [2, 3]),  // 0: Demoshire town and west Northvale
      subICB(2, "90B", 0, [0, 2]),  // 1: Northvale
      subICB(3, "90C", 0, [1, 0]),  // 2: Southvale
      subICB(4, "91A", 1, [0, 4]),  // 3: Riverton north
      subICB(5, "91B", 1, [3, 5]),  // 4: Riverton south and east Westmoor
      subICB(6, "92A", 2, [4, 4]),  // 5: Westmoor (only neighbour is 91B)
    ]
    let councils = [
      DemoGeography.Council(code: "E06000901", name: "Demoshire", region: 0),
      DemoGeography.Council(code: "E07000901", name: "Northvale", region: 0),
      DemoGeography.Council(code: "E07000902", name: "Southvale", region: 0),
      DemoGeography.Council(code: "E08000901", name: "Riverton", region: 0),
      DemoGeography.Council(code: "E06000902", name: "Westmoor", region: 1),
    ]
    let pieces = [
      GeographyBlueprint.Piece(council: 0, subICB: 0, lsoaCount: 70),
      GeographyBlueprint.Piece(council: 1, subICB: 0, lsoaCount: 10),
      GeographyBlueprint.Piece(council: 1, subICB: 1, lsoaCount: 50),
      GeographyBlueprint.Piece(council: 2, subICB: 2, lsoaCount: 55),
      GeographyBlueprint.Piece(council: 3, subICB: 3, lsoaCount: 60),
      GeographyBlueprint.Piece(council: 3, subICB: 4, lsoaCount: 45),
      GeographyBlueprint.Piece(council: 4, subICB: 4, lsoaCount: 8),
      GeographyBlueprint.Piece(council: 4, subICB: 5, lsoaCount: 65),
    ]
    let plans = [(10, 2), (6, 2), (7, 2), (7, 2), (7, 2), (7, 2)].map {
      GeographyBlueprint.PracticePlan(practiceCount: $0.0, pcnCount: $0.1)
    }
    return GeographyBlueprint(
      regions: regions, icbs: icbs, subICBs: subICBs, councils: councils, pieces: pieces,
      practicePlans: plans, firstLSOANumber: 100_001, practiceLetters: ["Y", "Y"],
      // Y90045 closed in 91A: its patients still appear in the registrations file.
      closedPracticeSubICB: 3,
      // E01100151 (Southvale), chosen mid-file so it is not an edge case of the ordering.
      missingPopulationLSOA: 150,
      practicesWithCommaInName: [4])
  }
}
