/// A table of distinct codes (LSOA, practice, footprint codes), each given a dense `Int32` id.
///
/// Codes are stored once, as bytes, in one arena; lookups hash the bytes of a CSV field
/// directly, so a national file of 1.2 million rows is matched without creating a `String`
/// per row. Ids are given in order of first appearance (0, 1, 2, …), which keeps every
/// derived order deterministic.
///
/// - Complexity: ``intern(_:)-(UnsafeRawBufferPointer)`` and ``find(_:)-(UnsafeRawBufferPointer)``
///   are O(length of the code) on average (open addressing, load factor ≤ 0.5).
public struct CodeTable: Sendable {
  private var arena: [UInt8] = []
  private var offsets: [Int32] = [0]  // code i occupies arena[offsets[i]..<offsets[i+1]]
  private var hashes: [UInt64] = []
  private var slots: [Int32]  // -1 empty, else code id
  private var mask: Int

  public init(minimumCapacity: Int = 64) {
    var size = 16
    while size < minimumCapacity * 2 { size <<= 1 }
    slots = Array(repeating: -1, count: size)
    mask = size - 1
  }

  /// Number of distinct codes.
  public var count: Int { hashes.count }

  /// The code with id `id`.
  public func code(_ id: Int32) -> String {
    let lo = Int(offsets[Int(id)]), hi = Int(offsets[Int(id) + 1])
    return arena.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[lo..<hi]), as: UTF8.self) }
  }

  /// All codes in id order.
  public var codes: [String] { (0..<count).map { code(Int32($0)) } }

  /// The id of `bytes`, adding it if new.
  @discardableResult
  public mutating func intern(_ bytes: UnsafeRawBufferPointer) -> Int32 {
    let h = Self.hash(bytes)
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let id = slots[slot]
      if id < 0 { break }
      if hashes[Int(id)] == h && equals(id, bytes) { return id }
      slot = (slot + 1) & mask
    }
    let id = Int32(count)
    arena.append(contentsOf: bytes)
    offsets.append(Int32(arena.count))
    hashes.append(h)
    slots[slot] = id
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
  public func find(_ bytes: UnsafeRawBufferPointer) -> Int32? {
    let h = Self.hash(bytes)
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let id = slots[slot]
      if id < 0 { return nil }
      if hashes[Int(id)] == h && equals(id, bytes) { return id }
      slot = (slot + 1) & mask
    }
  }

  /// The id of `code`, or nil.
  public func find(_ code: String) -> Int32? {
    var code = code
    return code.withUTF8 { find(UnsafeRawBufferPointer($0)) }
  }

  private func equals(_ id: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
    let lo = Int(offsets[Int(id)]), hi = Int(offsets[Int(id) + 1])
    guard hi - lo == bytes.count else { return false }
    return arena.withUnsafeBytes { a in
      bytes.count == 0 || memcmpBytes(a.baseAddress! + lo, bytes.baseAddress!, bytes.count)
    }
  }

  private mutating func grow() {
    let size = slots.count * 2
    slots = Array(repeating: -1, count: size)
    mask = size - 1
    for id in 0..<count {
      var slot = Int(truncatingIfNeeded: hashes[id]) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(id)
    }
  }

  /// FNV-1a, 64-bit, with a final avalanche so that the low bits used for slots mix well.
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

@inline(__always)
private func memcmpBytes(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ n: Int) -> Bool {
  for i in 0..<n where a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) {
    return false
  }
  return true
}
