extension PublishedLayout {
  /// Recognises the headerless layouts by their first record: ODS `epraccur` and `etr` (27
  /// columns, the organisation code first and its postcode in column 10) and Code-Point Open
  /// (a postcode, a positional quality number, whole-number eastings and northings).
  static func headerless(_ sample: TableSample) -> PublishedLayout? {
    let first = sample.header
    guard first.count >= 4 else { return nil }
    let code = first[0]
    if first.count >= 10 && isPostcode(first[9]) {
      if code.count == 6, let letter = code.first, letter.isUppercase, code.dropFirst().allSatisfy(\.isNumber) { return .epraccur }
      if code.count == 3, code.allSatisfy({ $0.isUppercase || $0.isNumber }), code.first?.isLetter == true { return .etr }
    }
    if isPostcode(first[0]) && Int(first[2]) != nil && Int(first[3]) != nil {
      return .postcodes(kind: "Code-Point Open", postcode: "1", x: "3", y: "4")
    }
    return nil
  }

  /// A UK postcode: an outward code of 2–4 characters starting with a letter, then a digit and
  /// two letters (spaces ignored).
  static func isPostcode(_ text: String) -> Bool {
    let s = Array(text.uppercased().filter { $0 != " " })
    guard (5...7).contains(s.count), s[0].isLetter, s.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return false }
    let inward = s.suffix(3)
    return inward[inward.startIndex].isNumber && inward.dropFirst().allSatisfy(\.isLetter)
  }
}
