/// Lays out LSOAs, practices and PCNs for a blueprint.
enum GeographyBuilder {
  static func build(_ blueprint: GeographyBlueprint, rng: inout SplitMix64) -> DemoGeography {
    var geo = DemoGeography()
    geo.regions = blueprint.regions
    geo.icbs = blueprint.icbs
    geo.subICBs = blueprint.subICBs
    geo.councils = blueprint.councils
    geo.missingPopulationLSOA = blueprint.missingPopulationLSOA
    layOutLSOAs(blueprint, &geo, &rng)
    layOutPractices(blueprint, &geo, &rng)
    return geo
  }

  /// Numbers LSOAs through the pieces and names them as ONS does: council name, a three-digit
  /// MSOA number within the council and a letter within the MSOA ("Riverton 012C").
  private static func layOutLSOAs(
    _ blueprint: GeographyBlueprint, _ geo: inout DemoGeography, _ rng: inout SplitMix64
  ) {
    var msoaNumber = Array(repeating: 0, count: geo.councils.count)
    var msoaRoom = Array(repeating: 0, count: geo.councils.count)
    var letter = Array(repeating: 0, count: geo.councils.count)
    for piece in blueprint.pieces {
      for _ in 0..<piece.lsoaCount {
        let c = piece.council
        if msoaRoom[c] == 0 {
          msoaNumber[c] += 1
          msoaRoom[c] = rng.int(in: 3...6)
          letter[c] = 0
        }
        msoaRoom[c] -= 1
        let index = geo.lsoas.count
        let code = "E01" + String(blueprint.firstLSOANumber + index).leftPadded(to: 6)
        let name =
          "\(geo.councils[c].name) \(String(msoaNumber[c]).leftPadded(to: 3))"
          + String(Character(UnicodeScalar(UInt8(65 + letter[c]))))
        letter[c] += 1
        let position = geo.subICBs[piece.subICB].lsoas.count
        geo.lsoas.append(
          .init(code: code, name: name, subICB: piece.subICB, council: c, position: position))
        geo.subICBs[piece.subICB].lsoas.append(index)
        geo.councils[c].lsoas.append(index)
      }
    }
  }

  /// Spreads each sub-ICB's practices evenly along its line of LSOAs (with jitter), groups
  /// neighbouring practices into PCNs and numbers practices in sub-ICB order.
  private static func layOutPractices(
    _ blueprint: GeographyBlueprint, _ geo: inout DemoGeography, _ rng: inout SplitMix64
  ) {
    var perLetter: [Character: Int] = [:]
    for (s, plan) in blueprint.practicePlans.enumerated() {
      let sub = geo.subICBs[s]
      let icb = geo.icbs[sub.icb]
      let n = max(sub.lsoas.count, 1)
      let firstPCN = geo.pcns.count
      let pcnSizes = Apportion.split(
        plan.practiceCount, weights: Array(repeating: 1, count: plan.pcnCount))
      var pcnOfSlot: [Int] = []
      for (k, size) in pcnSizes.enumerated() {
        pcnOfSlot += Array(repeating: firstPCN + k, count: size)
        let area = placeWord(for: sub, in: geo)
        let direction = PlaceNames.directions[(k + s) % PlaceNames.directions.count]
        geo.pcns.append(
          .init(
            code: "U" + String(90_001 + geo.pcns.count), name: "\(area) \(direction) PCN"))
      }
      for slot in 0..<plan.practiceCount {
        let spacing = n / max(plan.practiceCount, 1)
        let jitter = rng.int(in: 0...max(spacing / 3, 0))
        let centre = min(n - 1, (2 * slot + 1) * n / (2 * plan.practiceCount) + jitter)
        let letter = blueprint.practiceLetters[icb.region]
        perLetter[letter, default: 90_000] += 1
        let code = String(letter) + String(perLetter[letter, default: 90_000])
        let practice = DemoGeography.Practice(
          code: code, name: "", postcode: postcode(area: icb.postcodeArea, rng: &rng),
          pcn: pcnOfSlot[slot], subICB: s, centre: centre, sizePermille: rng.int(in: 550...1500),
          supplier: supplier(rng: &rng), inMap: true)
        geo.subICBs[s].practices.append(geo.practices.count)
        geo.practices.append(practice)
      }
    }
    if let s = blueprint.closedPracticeSubICB {
      let sub = geo.subICBs[s]
      let icb = geo.icbs[sub.icb]
      let letter = blueprint.practiceLetters[icb.region]
      perLetter[letter, default: 90_000] += 1
      let firstPractice = geo.practices[sub.practices[0]]
      // A smaller list than average: closing practices have usually been shrinking.
      let practice = DemoGeography.Practice(
        code: String(letter) + String(perLetter[letter, default: 90_000]), name: "",
        postcode: postcode(area: icb.postcodeArea, rng: &rng), pcn: firstPractice.pcn,
        subICB: s, centre: rng.below(max(sub.lsoas.count, 1)), sizePermille: 450,
        supplier: "Unknown", inMap: false)
      geo.subICBs[s].practices.append(geo.practices.count)
      geo.practices.append(practice)
    }
    for p in geo.practices.indices {
      geo.practices[p].name = practiceName(
        p, in: geo, withComma: blueprint.practicesWithCommaInName.contains(p), rng: &rng)
    }
  }

  /// The council name (upper case) of the middle LSOA of a sub-ICB, for PCN and practice names.
  private static func placeWord(for sub: DemoGeography.SubICB, in geo: DemoGeography) -> String {
    guard !sub.lsoas.isEmpty else { return "DEMO" }
    return geo.councils[geo.lsoas[sub.lsoas[sub.lsoas.count / 2]].council].name.uppercased()
  }

  /// A practice name in the upper-case style of the NHS files.
  private static func practiceName(
    _ p: Int, in geo: DemoGeography, withComma: Bool, rng: inout SplitMix64
  ) -> String {
    let practice = geo.practices[p]
    let sub = geo.subICBs[practice.subICB]
    // The council where the practice sits gives its place word.
    let lsoa =
      sub.lsoas.isEmpty ? nil : geo.lsoas[sub.lsoas[min(practice.centre, sub.lsoas.count - 1)]]
    let place = lsoa.map { geo.councils[$0.council].name.uppercased() } ?? "DEMO"
    let street = rng.pick(PlaceNames.streets)
    if withComma {
      // Real names sometimes carry a comma (even a trailing one), which forces quoting.
      return "\(street) MEDICAL GROUP, \(place)"
    }
    switch rng.below(8) {
    case 0: return "\(place) MEDICAL CENTRE"
    case 1: return "\(place) HEALTH CENTRE"
    case 2: return "THE \(street) SURGERY"
    case 3: return "\(street) ROAD SURGERY"
    case 4: return "DR \(rng.pick(PlaceNames.surnames)) & PARTNERS"
    case 5: return "\(street) STREET PRACTICE"
    case 6: return "\(place) \(rng.pick(PlaceNames.directions)) GROUP PRACTICE"
    default: return "\(street) MEDICAL PRACTICE"
    }
  }

  /// A postcode in a fictional area: outward code area+district, inward digit+two letters.
  private static func postcode(area: String, rng: inout SplitMix64) -> String {
    let inwardLetters = Array("ABDEFGHJLNPQRSTUWXYZ")
    return "\(area)\(rng.int(in: 1...29)) \(rng.int(in: 1...9))"
      + String(rng.pick(inwardLetters)) + String(rng.pick(inwardLetters))
  }

  /// The clinical system supplier, in roughly the national EMIS/TPP proportions.
  private static func supplier(rng: inout SplitMix64) -> String {
    let draw = rng.below(1000)
    return draw < 560 ? "EMIS" : draw < 995 ? "TPP" : "Unknown"
  }
}
