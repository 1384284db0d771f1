import CatchmentTables

extension ZoneAdjacency {
  /// `zone_a,zone_b,shared_m,kind`: one row per pair, `zone_a` before `zone_b` in byte order,
  /// rows ordered by (zone_a, zone_b); `shared_m` the metres of boundary shared rounded to 2
  /// decimal places (trailing zeros dropped: "0" for a link; exact with full precision);
  /// `kind` edge, corner or link.
  public func csv(numbers: NumberFormat = .readable, byteOrderMark: Bool = false) -> CSVWriter {
    var out = CSVWriter(header: ["zone_a", "zone_b", "shared_m", "kind"], byteOrderMark: byteOrderMark)
    for pair in pairs {
      let metres = numbers.fullPrecision ? NumberFormat.exact(pair.sharedMetres) : NumberFormat.fixed(pair.sharedMetres, decimals: 2)
      out.append([zoneIDs[Int(pair.a)], zoneIDs[Int(pair.b)], metres, pair.kind.rawValue])
    }
    return out
  }
}
