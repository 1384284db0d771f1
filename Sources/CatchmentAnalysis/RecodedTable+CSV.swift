import CatchmentCore
import CatchmentTables
import Foundation

// The CSV encoder of `RecodedTable.csv(byteOrderMark:workers:)`: every distinct field encoded
// once, rows measured then written into disjoint blocks of one buffer.

/// The output buffer, shared by the tasks that write disjoint blocks of it.
struct SharedBuffer: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<UInt8>
  init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }
}

/// The CSV bytes of every target code and of every group's kept fields, each encoded once and
/// stored flat, and the rows encoded from them.
struct EncodedFields: Sendable {
  let layout: [ZoneKeyedTable.Column]
  let keptCount: Int
  /// Target `t`'s encoded code: `targetBytes[targetStart[t]..<targetStart[t + 1]]`.
  var targetBytes: [UInt8] = [], targetStart: [Int] = [0]
  /// Group `g`'s kept field `k`: `keptBytes[keptStart[g·K + k]..<keptStart[g·K + k + 1]]`.
  var keptBytes: [UInt8] = [], keptStart: [Int] = [0]
  let rowGroup: [Int32], rowTarget: [Int32]
  /// The values row by row: row `r`'s column `c` at `r·C + c`.
  var values: [Double] = []
  let columns: Int
  let integerColumns: [Bool]

  init(table: ZoneKeyedTable, recode: ZoneRecode) {
    layout = table.layout
    keptCount = table.keptColumns.count
    for t in 0..<Int32(recode.targets.count) {
      CSVWriter.encode(recode.targets.code(t), into: &targetBytes)
      targetStart.append(targetBytes.count)
    }
    for g in 0..<Int32(table.groups.count) {
      for field in table.keptFields(ofGroup: g) {
        CSVWriter.encode(field, into: &keptBytes)
        keptStart.append(keptBytes.count)
      }
    }
    rowGroup = recode.rowGroup
    rowTarget = recode.rowTarget
    columns = recode.values.count
    values.reserveCapacity(recode.rowGroup.count * columns)
    for r in recode.rowGroup.indices {
      for c in 0..<columns { values.append(recode.values[c][r]) }
    }
    integerColumns = recode.integerColumns
  }

  /// The bytes the rows of `range` take, line ends included (what ``encode(rows:into:)`` writes).
  func size(rows range: Range<Int>) -> Int {
    var size = range.count * layout.count  // commas and line ends
    for r in range {
      let g = Int(rowGroup[r]), t = Int(rowTarget[r])
      size += targetStart[t + 1] - targetStart[t] + keptStart[(g + 1) * keptCount] - keptStart[g * keptCount]
      for c in 0..<columns {
        let v = values[r * columns + c]
        size += integerColumns[c] ? Self.integerLength(Int64(v)) : NumberFormat.exact(v).utf8.count
      }
    }
    return size
  }

  /// Writes the rows of `range`, each ending with a line end, into `out` (exactly
  /// ``size(rows:)`` bytes), through raw pointers: this runs once per output row (a million rows
  /// nationally), where appending byte by byte to an array would check its uniqueness and
  /// capacity at every byte.
  func encode(rows range: Range<Int>, into out: UnsafeMutableBufferPointer<UInt8>) {
    var at = 0
    @inline(__always) func put(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
      let n = range.count
      if n > 0 { (out.baseAddress! + at).update(from: bytes.baseAddress! + range.lowerBound, count: n) }
      at += n
    }
    targetBytes.withUnsafeBufferPointer { targetBytes in
      keptBytes.withUnsafeBufferPointer { keptBytes in
        layout.withUnsafeBufferPointer { layout in
          values.withUnsafeBufferPointer { values in
            for r in range {
              let g = Int(rowGroup[r]), t = Int(rowTarget[r])
              for i in 0..<layout.count {
                if i > 0 {
                  out[at] = 0x2C
                  at += 1
                }
                switch layout[i] {
                case .zone: put(targetBytes, targetStart[t]..<targetStart[t + 1])
                case .kept(let k):
                  let f = g * keptCount + k
                  put(keptBytes, keptStart[f]..<keptStart[f + 1])
                case .value(let c):
                  let v = values[r * columns + c]
                  if integerColumns[c] {
                    at = Self.putInteger(Int64(v), into: out, at: at)
                  } else {
                    let text = Array(NumberFormat.exact(v).utf8)
                    text.withUnsafeBufferPointer { put($0, 0..<text.count) }
                  }
                }
              }
              out[at] = 0x0A
              at += 1
            }
          }
        }
      }
    }
  }

  /// The characters of `value` in decimal, its sign included.
  static func integerLength(_ value: Int64) -> Int {
    var n = value.magnitude, digits = 1
    while n >= 10 {
      n /= 10
      digits += 1
    }
    return digits + (value < 0 ? 1 : 0)
  }

  /// Writes the decimal digits of `value` (a minus sign first when negative) at `at`; returns
  /// the index after them.
  @inline(__always)
  static func putInteger(_ value: Int64, into out: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
    var at = start
    if value < 0 {
      out[at] = 0x2D
      at += 1
    }
    var n = value.magnitude
    let digits = integerLength(value) - (value < 0 ? 1 : 0)
    var i = at + digits
    repeat {
      i -= 1
      out[i] = 0x30 + UInt8(n % 10)
      n /= 10
    } while n > 0
    return at + digits
  }
}
