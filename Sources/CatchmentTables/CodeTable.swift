/// A table of distinct codes (LSOA, practice, footprint codes), each given a dense `Int32` id.
///
/// Codes are stored once, as bytes, in one arena; lookups hash the bytes of a CSV field
/// directly, so a national file of 1.2 million rows is matched without creating a `String`
/// per row. Ids are given in order of first appearance (0, 1, 2, …), which keeps every
/// derived order deterministic.
///
/// Each slot of the open-addressing index holds the id and the upper 32 bits of the code's
/// hash in one 64-bit word, so a probe touches one cache line and compares bytes only when
/// the hash fragments agree.
///
/// - Complexity: ``intern(_:)-(UnsafeRawBufferPointer)`` and ``find(_:)-(UnsafeRawBufferPointer)``
///   are O(length of the code) on average (linear probing, load factor ≤ 0.5).
public struct CodeTable: Sendable {
  private var arena: [UInt8] = []
  private var offsets: [Int32] = [0]  // code i occupies arena[offsets[i]..<offsets[i+1]]
  /// 0 for an empty slot, else `(hash >> 32) << 32 | (id + 1)`.
  private var slots: [UInt64]
  private var mask: Int
  public private(set) var count = 0

  public init(minimumCapacity: Int = 64) {
    var size = 16
    while size < minimumCapacity * 2 { size <<= 1 }
    slots = Array(repeating: 0, count: size)
    mask = size - 1
  }

  /// The code with id `id`.
  public func code(_ id: Int32) -> String {
    let lo = Int(offsets[Int(id)]), hi = Int(offsets[Int(id) + 1])
    return arena.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[lo..<hi]), as: UTF8.self) }
  }

  /// Calls `body` with the bytes of code `id`.
  @inlinable
  public func withBytes<R>(of id: Int32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try withStorage { arena, offsets in
      let lo = Int(offsets[Int(id)]), hi = Int(offsets[Int(id) + 1])
      return try body(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(arena)[lo..<hi]))
    }
  }

  /// Ids in the byte order of their codes (the order `sort` gives in C, pandas and polars).
  ///
  /// - Complexity: O(n) when the codes were added in order, O(n log n) otherwise.
  public func idsInByteOrder() -> [Int32] {
    withStorage { arena, offsets in
      let base = UnsafeRawBufferPointer(arena)
      func bytes(_ id: Int32) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: base[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])])
      }
      func precedes(_ a: Int32, _ b: Int32) -> Bool {
        let x = bytes(a), y = bytes(b)
        let common = min(x.count, y.count)
        if common > 0 {
          let c = memcmp(x.baseAddress!, y.baseAddress!, common)
          if c != 0 { return c < 0 }
        }
        return x.count < y.count
      }
      let ids = (0..<Int32(count)).map { $0 }
      if zip(ids, ids.dropFirst()).allSatisfy({ precedes($0, $1) }) { return ids }
      return ids.sorted(by: precedes)
    }
  }

  /// A table holding the codes of `ids`, in that order (new id k is old id `ids[k]`).
  public func reordered(_ ids: [Int32]) -> CodeTable {
    var table = CodeTable(minimumCapacity: ids.count)
    for id in ids { withBytes(of: id) { _ = table.intern($0) } }
    return table
  }

  @usableFromInline
  func withStorage<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int32>) throws -> R) rethrows -> R {
    try arena.withUnsafeBufferPointer { arena in try offsets.withUnsafeBufferPointer { try body(arena, $0) } }
  }

  /// All codes in id order.
  public var codes: [String] { (0..<count).map { code(Int32($0)) } }

  /// The id of `bytes`, adding it if new.
  @discardableResult
  public mutating func intern(_ bytes: UnsafeRawBufferPointer) -> Int32 {
    let h = Self.hash(bytes)
    let (found, slot) = probe(bytes, hash: h)
    if let found { return found }
    let id = Int32(count)
    arena.append(contentsOf: bytes)
    offsets.append(Int32(arena.count))
    slots[slot] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
    count += 1
    if count * 2 > slots.count { grow() }
    return id
  }

  /// The id of `code`, adding it if new.
  @discardableResult
  public mutating func intern(_ code: String) -> Int32 {
    var code = code
    return code.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
  }

  /// The id of `bytes`, or nil when the table does not hold them.
  @inline(__always)
  public func find(_ bytes: UnsafeRawBufferPointer) -> Int32? {
    probe(bytes, hash: Self.hash(bytes)).found
  }

  /// The id of `code`, or nil.
  public func find(_ code: String) -> Int32? {
    var code = code
    return code.withUTF8 { find(UnsafeRawBufferPointer($0)) }
  }

  /// Finds `bytes`, or the empty slot where they would go.
  @inline(__always)
  private func probe(_ bytes: UnsafeRawBufferPointer, hash h: UInt64) -> (found: Int32?, slot: Int) {
    let fragment = h & 0xFFFF_FFFF_0000_0000
    return slots.withUnsafeBufferPointer { slots in
      offsets.withUnsafeBufferPointer { offsets in
        arena.withUnsafeBufferPointer { arena in
          var slot = Int(truncatingIfNeeded: h) & mask
          while true {
            let entry = slots[slot]
            if entry == 0 { return (nil, slot) }
            if entry & 0xFFFF_FFFF_0000_0000 == fragment {
              let id = Int(entry & 0xFFFF_FFFF) - 1
              let lo = Int(offsets[id]), hi = Int(offsets[id + 1])
              if hi - lo == bytes.count
                && (bytes.count == 0 || memcmp(arena.baseAddress! + lo, bytes.baseAddress!, bytes.count) == 0)
              {
                return (Int32(id), slot)
              }
            }
            slot = (slot + 1) & mask
          }
        }
      }
    }
  }

  private mutating func grow() {
    let size = slots.count * 2
    var bigger = [UInt64](repeating: 0, count: size)
    let newMask = size - 1
    for id in 0..<count {
      let lo = Int(offsets[id]), hi = Int(offsets[id + 1])
      let h = arena.withUnsafeBytes { Self.hash(UnsafeRawBufferPointer(rebasing: $0[lo..<hi])) }
      var slot = Int(truncatingIfNeeded: h) & newMask
      while bigger[slot] != 0 { slot = (slot + 1) & newMask }
      bigger[slot] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
    }
    slots = bigger
    mask = newMask
  }

  /// FNV-1a, 64-bit, with a final avalanche so that both the low bits (slot) and the high
  /// bits (fragment) mix well.
  @inline(__always)
  static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes {
      h ^= UInt64(b)
      h = h &* 0x100_0000_01b3
    }
    h ^= h >> 33
    h = h &* 0xff51_afd7_ed55_8ccd
    h ^= h >> 33
    return h
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
