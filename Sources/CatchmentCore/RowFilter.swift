import Foundation
import CatchmentTables

/// Keeps only rows whose columns hold given values (`--where COL=VALUE`, repeatable).
///
/// Published tables often stack several breakdowns (sex, age band, year) in one file; a
/// filter picks the rows that form one complete set, e.g. `sex=Persons` in an ONS estimate.
/// Values compare after trimming, ignoring ASCII case. Several conditions on the same column
/// are alternatives (OR); conditions on different columns must all hold (AND).
public struct RowFilter: Sendable {
  /// (column index, accepted values) pairs.
  private var conditions: [(column: Int, values: [[UInt8]])] = []
  /// The conditions as given, for messages.
  public let description: String

  /// Resolves `expressions` ("COL=VALUE") against `reader`'s header.
  /// - Throws: ``TableError`` for a malformed expression or a missing column.
  public init(_ expressions: [String], reader: CSVReader) throws {
    var byColumn: [Int: [[UInt8]]] = [:]
    var order: [Int] = []
    for expression in expressions {
      guard let eq = expression.firstIndex(of: "="), eq != expression.startIndex else {
        throw TableError(file: reader.path, reason: "filter '\(expression)' is not of the form COLUMN=VALUE")
      }
      let column = try reader.column(named: String(expression[..<eq]), role: "filter \(expression)")
      let value = String(expression[expression.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
      if byColumn[column] == nil { order.append(column) }
      byColumn[column, default: []].append(Array(value.lowercased().utf8))
    }
    conditions = order.map { ($0, byColumn[$0]!) }
    description = expressions.joined(separator: " and ")
  }

  /// Columns given several accepted values (`sex=Male` and `sex=Female`): rows that differ there
  /// are parts the caller asked to add up.
  public var alternativeColumns: [Int] { conditions.filter { $0.values.count > 1 }.map(\.column) }

  /// True when no condition was given.
  public var isEmpty: Bool { conditions.isEmpty }

  /// True when `record` satisfies every condition.
  public func accepts(_ record: CSVRecord) -> Bool {
    for condition in conditions {
      let ok = record[condition.column].withTrimmedBytes { bytes in
        condition.values.contains { value in
          value.count == bytes.count && zip(value, bytes).allSatisfy { $0 == asciiLowerByte($1) }
        }
      }
      if !ok { return false }
    }
    return true
  }
}

@inline(__always)
func asciiLowerByte(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }
