/// True when two byte ranges hold the same bytes.
///
/// Inlined byte loop: codes are short (6–9 bytes), where a call to `memcmp` costs more than
/// the comparison.
@inlinable @inline(__always)
public func bytesEqual(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
  guard a.count == b.count else { return false }
  var i = 0
  while i < a.count {
    if a[i] != b[i] { return false }
    i += 1
  }
  return true
}
