/// Zero padding for fixed-width numeric parts of codes and names ("E01" + "100001", "001A").
extension String {
  /// The string padded on the left with zeros to `width` characters.
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
