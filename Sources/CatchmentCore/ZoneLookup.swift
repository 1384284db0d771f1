import CatchmentTables

/// Finds crosswalk zone ids from the bytes of a zone code, fast.
///
/// ONS zone codes are a nation letter, two entity digits and a six-digit serial
/// (`E01012345`). The serials of one entity are dense, so the zones sharing the crosswalk's
/// most common three-character prefix are indexed directly by serial, in an array spanning
/// the lowest to the highest serial (E01000001–E01033768 for LSOA 2011: 132 KB). Registration
/// files list each practice's zones in code order, so consecutive look-ups touch neighbouring
/// entries and stay in cache, where a hash table would scatter them. Other codes fall back to
/// the crosswalk's ``CatchmentTables/CodeTable``.
public struct ZoneLookup: Sendable {
  private let zones: CodeTable
  /// The three prefix bytes packed into an integer, or -1 when no prefix is indexed.
  private let prefix: Int
  private let lowestSerial: Int
  /// Zone id by serial − lowestSerial; −1 where the crosswalk has no such zone.
  private let bySerial: [Int32]

  /// Indexes the zones of a crosswalk.
  public init(zones: CodeTable) {
    self.zones = zones
    var prefixCounts: [Int: Int] = [:]
    var serials: [(prefix: Int, serial: Int, id: Int32)] = []
    for id in 0..<Int32(zones.count) {
      zones.withBytes(of: id) { bytes in
        if let (p, s) = Self.split(bytes) {
          prefixCounts[p, default: 0] += 1
          serials.append((p, s, id))
        }
      }
    }
    guard let best = prefixCounts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key else {
      prefix = -1
      lowestSerial = 0
      bySerial = []
      return
    }
    let mine = serials.filter { $0.prefix == best }
    let low = mine.map(\.serial).min()!, high = mine.map(\.serial).max()!
    var table = [Int32](repeating: -1, count: high - low + 1)
    for entry in mine { table[entry.serial - low] = entry.id }
    prefix = best
    lowestSerial = low
    bySerial = table
  }

  /// The most common three-character prefix of the zone codes (e.g. "E01"), or nil.
  public var entity: String? {
    guard prefix >= 0 else { return nil }
    return String(decoding: [UInt8(prefix >> 16), UInt8((prefix >> 8) & 0xFF) + 0x30, UInt8(prefix & 0xFF) + 0x30], as: UTF8.self)
  }

  /// The zone id of `bytes`, or nil when the crosswalk has no such zone.
  @inline(__always)
  public func find(_ bytes: UnsafeRawBufferPointer) -> Int32? {
    if let (p, s) = Self.split(bytes) {
      if p == prefix {
        let index = s - lowestSerial
        guard index >= 0 && index < bySerial.count else { return nil }
        let id = bySerial[index]
        return id >= 0 ? id : nil
      }
    }
    return zones.find(bytes)
  }

  /// Splits a nine-byte code of an upper-case letter and eight digits into its packed
  /// three-byte prefix and six-digit serial.
  @inline(__always)
  static func split(_ bytes: UnsafeRawBufferPointer) -> (prefix: Int, serial: Int)? {
    guard bytes.count == 9 else { return nil }
    let letter = bytes[0]
    guard letter >= 0x41 && letter <= 0x5A else { return nil }
    var serial = 0
    for k in 3..<9 {
      let d = bytes[k] &- 0x30
      guard d < 10 else { return nil }
      serial = serial * 10 + Int(d)
    }
    let d1 = bytes[1] &- 0x30, d2 = bytes[2] &- 0x30
    guard d1 < 10 && d2 < 10 else { return nil }
    return (Int(letter) << 16 | Int(d1) << 8 | Int(d2), serial)
  }
}
