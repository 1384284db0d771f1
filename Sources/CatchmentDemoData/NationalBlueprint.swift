/// A randomly drawn geography with the national shape: 7 regions, 42 ICBs, 106 sub-ICB
/// locations, about 296 councils, 33,755 LSOAs and 6,500 practices, all with fictional codes.
enum NationalBlueprint {
  static let regionCount = 7
  static let icbCount = 42
  static let subICBCount = 106
  static let lsoaCount = 33_755
  static let practiceCount = 6_500
  static let councilTarget = 296

  static func make(rng: inout SplitMix64) -> GeographyBlueprint {
    let regionNames = [
      "Northmarch", "Eastmarch", "Midmarch", "Westmarch", "Southmarch", "Capital", "Fenmarch",
    ]
    let regions = (0..<regionCount).map { r in
      DemoGeography.Region(
        code: "E4000090\(r + 1)", odsCode: "Y9\(r)", name: regionNames[r],
        onsCode: "E1200090\(r + 1)")
    }

    // Sub-ICBs per ICB: one each, then the rest spread at random (at most 6), as real ICBs
    // range from a single sub-ICB location to several.
    var subCounts = Array(repeating: 1, count: icbCount)
    var extra = subICBCount - icbCount
    while extra > 0 {
      let i = rng.below(icbCount)
      if subCounts[i] < 6 {
        subCounts[i] += 1
        extra -= 1
      }
    }
    let lsoaWeights = (0..<subICBCount).map { _ in rng.int(in: 120...620) }
    let lsoasPerSub = Apportion.split(lsoaCount, weights: lsoaWeights)
    let practicesPerSub = Apportion.split(practiceCount, weights: lsoasPerSub)
    let councilsPerSub = Apportion.split(councilTarget, weights: lsoasPerSub).map { max($0, 1) }

    // Councils are runs of LSOAs within a sub-ICB; sometimes a council carries on into the
    // next sub-ICB, so councils and NHS footprints overlap rather than nest.
    var councils: [DemoGeography.Council] = []
    var pieces: [GeographyBlueprint.Piece] = []
    var subICBs: [DemoGeography.SubICB] = []
    var icbs: [DemoGeography.ICB] = []
    var typeCounters = ["E06": 900, "E07": 900, "E08": 900, "E09": 900]
    var sub = 0
    for icb in 0..<icbCount {
      let region = icb * regionCount / icbCount
      let firstCouncil = councils.count
      for _ in 0..<subCounts[icb] {
        let runs = Apportion.split(
          lsoasPerSub[sub], weights: (0..<councilsPerSub[sub]).map { _ in rng.int(in: 40...160) })
        for (k, run) in runs.enumerated() where run > 0 {
          if k == 0, runs.count > 1, !pieces.isEmpty, rng.chance(permille: 150) {
            pieces.append(.init(council: councils.count - 1, subICB: sub, lsoaCount: run))
            continue
          }
          let prefix = ["E06", "E07", "E07", "E08", "E09"][rng.below(5)]
          typeCounters[prefix, default: 900] += 1
          let number = typeCounters[prefix, default: 900]
          councils.append(
            .init(
              code: prefix + String(repeating: "0", count: 6 - String(number).count)
                + String(number),
              name: PlaceNames.place(councils.count), region: region))
          pieces.append(.init(council: councils.count - 1, subICB: sub, lsoaCount: run))
        }
        sub += 1
      }
      // ICBs are named after their first councils; about one in seven gets a three-part name
      // with a comma, like "NHS Bath and North East Somerset, Swindon and Wiltshire".
      let names = councils[firstCouncil...].prefix(3).map(\.name)
      var short = "NHS " + names[0]
      if names.count >= 3, icb % 7 == 3 {
        short += ", \(names[1]) and \(names[2])"
      } else if names.count >= 2 {
        short += " and \(names[1])"
      }
      let letters = Array("ABCDEFGHJKLMNPRSTUVWXYZ")
      icbs.append(
        .init(
          code: "E54000\(901 + icb)", odsCode: "Q\(letters[icb / 9])\(icb % 9 + 1)",
          name: short + " Integrated Care Board", region: region,
          postcodeArea: "X\(letters[icb % letters.count])"))
      for s in (sub - subCounts[icb])..<sub {
        let ods = "\(90 + s / 26)\(Character(UnicodeScalar(UInt8(65 + s % 26))))"
        subICBs.append(
          .init(
            code: "E38\(String(1_000_901 + s).dropFirst())", odsCode: ods,
            name: "\(short) ICB - \(ods)", icb: icb,
            neighbours: [max(s - 1, 0), min(s + 1, subICBCount - 1)]))
      }
    }
    let plans = (0..<subICBCount).map {
      GeographyBlueprint.PracticePlan(
        practiceCount: practicesPerSub[$0], pcnCount: max(1, practicesPerSub[$0] / 5))
    }
    let commaPractices = Set((0..<practiceCount).filter { $0 % 97 == 4 })
    return GeographyBlueprint(
      regions: regions, icbs: icbs, subICBs: subICBs, councils: councils, pieces: pieces,
      practicePlans: plans, firstLSOANumber: 100_001,
      practiceLetters: ["A", "B", "C", "D", "F", "G", "H"], closedPracticeSubICB: nil,
      missingPopulationLSOA: nil, practicesWithCommaInName: commaPractices)
  }
}
