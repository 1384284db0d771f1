import Foundation

/// Writes the NHS "Patients Registered at a GP Practice" LSOA files: the SEX=ALL file and,
/// at demo scale, the same counts split into MALE and FEMALE rows.
///
/// Rows are sorted by practice code, then by LSOA_CODE as bytes (so `CLOSED` comes before the
/// E01 codes and `EMPTY`, `L99999999`, `S01…`, `W01…` after them), with LF line endings.
enum RegistrationFileWriter {
  static let header =
    "PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,LSOA_CODE,SEX,NUMBER_OF_PATIENTS"
  static let publication = "GP_PRAC_PAT_LIST"
  static let extractDate = "01Oct2025"

  /// Totals gathered while writing the SEX=ALL file.
  struct Tally {
    var rows = 0
    var patients = 0
    var pseudoCodePatients = 0
    var otherNationPatients = 0
    var outOfAreaPatients = 0
    var unmappedPracticePatients = 0
    var practicesWithRows = 0
  }

  /// Practice indices in byte order of their codes.
  static func practiceOrder(_ geo: DemoGeography) -> [Int] {
    geo.practices.indices.sorted {
      geo.practices[$0].code.utf8.lexicographicallyPrecedes(geo.practices[$1].code.utf8)
    }
  }

  /// Writes the SEX=ALL file and returns its tally; when `bySexURL` is given also writes the
  /// MALE/FEMALE file, splitting every count with `rng`.
  static func write(
    _ geo: DemoGeography, model: RegistrationModel, to url: URL, bySexURL: URL?,
    rng: inout SplitMix64
  ) throws -> Tally {
    let zoneCodes = geo.lsoas.map(\.code) + ZoneCodes.extras
    let zoneBytes = zoneCodes.map { Array($0.utf8) }
    // Rank of each zone in byte order of its code, computed once so per-practice sorting
    // compares integers.
    var rank = Array(repeating: 0, count: zoneCodes.count)
    let byCode = zoneCodes.indices.sorted {
      zoneBytes[$0].lexicographicallyPrecedes(zoneBytes[$1])
    }
    for (r, z) in byCode.enumerated() { rank[z] = r }

    let lsoaCount = geo.lsoas.count
    let pseudoRange = lsoaCount..<(lsoaCount + ZoneCodes.pseudo.count)
    let nationEnd = pseudoRange.upperBound + ZoneCodes.otherNations.count
    let nationRange = pseudoRange.upperBound..<nationEnd
    let outOfAreaRange = nationRange.upperBound..<zoneCodes.count

    let all = try ByteFileWriter(url: url, crlf: false, bom: false)
    let bySex = try bySexURL.map { try ByteFileWriter(url: $0, crlf: false, bom: false) }
    for out in [all] + (bySex.map { [$0] } ?? []) {
      out.raw(header)
      try out.endRow()
    }
    var tally = Tally()
    for p in practiceOrder(geo) {
      let practice = geo.practices[p]
      let rows = model.rows[p]
      guard !rows.zones.isEmpty else { continue }
      tally.practicesWithRows += 1
      // Everything up to LSOA_CODE is the same for all of a practice's rows.
      var prefix = Array("\(publication),\(extractDate),\(practice.code),".utf8)
      prefix += CSVQuoting.field(practice.name)
      prefix.append(44)
      let order = rows.zones.indices.sorted {
        rank[Int(rows.zones[$0])] < rank[Int(rows.zones[$1])]
      }
      // Each practice's women make up 49–52 % of its list; counts are split by stochastic
      // rounding so small counts still vary.
      let femalePermille = rng.int(in: 490...520)
      for i in order {
        let zone = Int(rows.zones[i])
        let count = Int(rows.counts[i])
        all.raw(prefix)
        all.raw(zoneBytes[zone])
        all.raw(",ALL,")
        all.int(count)
        try all.endRow()
        tally.rows += 1
        tally.patients += count
        if pseudoRange.contains(zone) { tally.pseudoCodePatients += count }
        if nationRange.contains(zone) { tally.otherNationPatients += count }
        if outOfAreaRange.contains(zone) { tally.outOfAreaPatients += count }
        if !practice.inMap { tally.unmappedPracticePatients += count }
        if let out = bySex {
          let female = (count * femalePermille + rng.below(1_000)) / 1_000
          // FEMALE before MALE: the file stays sorted on every column it is keyed by.
          for (sex, n) in [("FEMALE", female), ("MALE", count - female)] where n > 0 {
            out.raw(prefix)
            out.raw(zoneBytes[zone])
            out.raw(",\(sex),")
            out.int(n)
            try out.endRow()
          }
        }
      }
    }
    try all.close()
    try bySex?.close()
    return tally
  }
}
