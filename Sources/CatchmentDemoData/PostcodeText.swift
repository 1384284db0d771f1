/// The spellings of one UK postcode that directories use.
///
/// The standard form (ONSPD `pcds`) is the outward code, one space and the three-character
/// inward code: `XR4 5AB`, `XR12 5AB`. The fixed-width 8-character form (ONSPD `pcd2`) pads the
/// outward code with spaces to four characters before the space: `XR4  5AB`, `B1   1AY`. OS
/// Code-Point Open's 7-character form does the same to a width of seven (`B1  1AY`). Matching
/// must therefore ignore spaces.
enum PostcodeText {
  /// Upper case with every space removed: the key to match postcodes on (`XR45AB`).
  static func normalised(_ postcode: String) -> String {
    String(postcode.uppercased().filter { $0 != " " })
  }

  /// The fixed-width 8-character form of a standard-form postcode: outward code padded to four
  /// characters, one space, inward code.
  static func eightCharacter(_ postcode: String) -> String {
    let key = normalised(postcode)
    guard key.count >= 5 else { return postcode }
    let outward = String(key.dropLast(3)), inward = String(key.suffix(3))
    return outward + String(repeating: " ", count: max(0, 4 - outward.count)) + " " + inward
  }
}
