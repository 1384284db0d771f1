import Foundation

/// What the numbers of a published table may be, checked where each is parsed.
///
/// - A *count* (patients registered at a practice, `NUMBER_OF_PATIENTS`) is a whole number from
///   0 to 2⁵³ − 1, the largest range in which a `Double` holds every whole number exactly; a
///   count of `1e30` would otherwise absorb every other count of the file in rounding.
/// - An *amount* (a population estimate, which may be fractional; patients or shares of an
///   activity table) is finite, non-negative and at most ``amountLimit``.
///
/// Anything else is bad input: a ``TableError`` naming the file, the line and the column.
public enum Quantity {
  /// 2⁵³: counts must be below it.
  public static let countLimit = 9_007_199_254_740_992.0
  /// Ten thousand million, more than the world's population: no zone, footprint or provider
  /// holds more people, so a larger amount is a broken file, not a number.
  public static let amountLimit = 1e10

  /// True when `value` is a valid count.
  @inlinable
  public static func isCount(_ value: Double) -> Bool {
    value >= 0 && value < countLimit && value.rounded(.towardZero) == value
  }

  /// True when `value` is a valid amount.
  @inlinable
  public static func isAmount(_ value: Double) -> Bool { value >= 0 && value <= amountLimit }
}

extension CSVRecord {
  /// The field at `index` as a count: a whole number from 0 to 2⁵³ − 1 (see ``Quantity``).
  ///
  /// - Parameter column: the column's name, for the message.
  /// - Throws: ``TableError`` naming the file, line, column and the value found.
  @inlinable
  public func count(at index: Int, column: String) throws -> Double {
    if case .value(let v) = self[index].number(), Quantity.isCount(v) { return v + 0 }  // + 0: no −0
    throw quantityError(at: index, column: column, count: true)
  }

  /// The field at `index` as an amount: finite, from 0 to ``Quantity/amountLimit``.
  ///
  /// - Parameter column: the column's name, for the message.
  /// - Throws: ``TableError`` naming the file, line, column and the value found.
  @inlinable
  public func amount(at index: Int, column: String) throws -> Double {
    if case .value(let v) = self[index].number(), Quantity.isAmount(v) { return v + 0 }
    throw quantityError(at: index, column: column, count: false)
  }

  /// The field at `index` as a number no larger than ``Quantity/amountLimit`` in size, negative
  /// or not: for readers that report negative values as losses rather than refuse them.
  public func boundedNumber(at index: Int, column: String) throws -> Double {
    let value = try number(at: index, column: column)
    guard abs(value) <= Quantity.amountLimit else { throw quantityError(at: index, column: column, count: false) }
    return value
  }

  /// The error ``count(at:column:)`` throws for the field at `index`, for hot loops that test
  /// ``Quantity/isCount(_:)`` themselves.
  public func countError(at index: Int, column: String) -> TableError { quantityError(at: index, column: column, count: true) }

  /// The error for the field at `index`, which is not a valid count (or amount).
  @usableFromInline
  func quantityError(at index: Int, column: String, count: Bool) -> TableError {
    let field = self[index]
    let named = "\(column) (column \(index + 1))"
    switch field.number() {
    case .empty:
      return error(index < self.count ? "\(column) is empty" : "the row has \(self.count) fields and no \(column)")
    case .invalid:
      return error("\(column) is not a number: \(field.excerpt)")
    case .value:
      let rule =
        count
        ? "a count must be a whole number from 0 to 9007199254740991 (2^53 - 1)"
        : "an amount must be a number from 0 to 10000000000 (1e10)"
      return error("\(named) is \(field.excerpt): \(rule)")
    }
  }
}

extension CSVField {
  /// The content for a message: quoted, at most 80 characters (then "…"), line ends shown as
  /// `\n`, and a note when it spans lines, the mark of a quote that was never closed where it
  /// should have been.
  public var excerpt: String {
    let text = string
    let lineEnds = text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    var shown = String(text.prefix(80)).replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: "\\n")
    if text.count > 80 { shown += "…" }
    if lineEnds == 0 { return "'\(shown)'" }
    return "'\(shown)' (a quoted field running over \(lineEnds + 1) lines: is a closing quote missing?)"
  }
}
