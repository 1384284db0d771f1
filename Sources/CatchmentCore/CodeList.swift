/// The complete list of codes a warning or note names (the text abbreviates it).
public struct CodeList: Encodable, Sendable, Equatable {
  /// The warning or note, without its list.
  public var subject: String
  /// Every code, in the order given.
  public var codes: [String]

  public init(subject: String, codes: [String]) {
    self.subject = subject
    self.codes = codes
  }

  /// The first `maxCodes` codes joined by ", ", then "… N more" when there are more: the one
  /// way the terminal abbreviates a list.
  public static func abbreviated(_ codes: [String], maxCodes: Int = 8) -> String {
    codes.prefix(maxCodes).joined(separator: ", ") + (codes.count > maxCodes ? ", … \(codes.count - maxCodes) more" : "")
  }
}
