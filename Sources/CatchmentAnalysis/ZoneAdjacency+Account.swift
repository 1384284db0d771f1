import CatchmentCore
import CatchmentTables

extension ZoneAdjacency {
  /// What the run report says of the adjacency: zones and pairs of each kind, the components
  /// before linking (the zones of every one but the largest), each link with the gap it
  /// crosses, and zones in no pair (a loss: without geometry, or isolated when not linked).
  public var account: RunAccount {
    var account = RunAccount()
    account.figure("zones", Double(zoneIDs.count))
    for kind in Kind.allCases { account.figure("\(kind.rawValue) pairs", Double(count(kind))) }
    account.figure("components before linking", Double(components.count))
    if components.count > 1 {
      account.note("\(components.count) components of zones sharing a boundary or a corner; the largest holds \(components[0].count) zones")
      for (k, component) in components.enumerated().dropFirst() {
        account.note("component \(k + 1) of \(components.count): \(component.count) zone\(component.count == 1 ? "" : "s")", codes: component.map { zoneIDs[Int($0)] })
      }
    }
    for pair in pairs where pair.kind == .link {
      account.note(
        "link \(zoneIDs[Int(pair.a)])–\(zoneIDs[Int(pair.b)]): \(NumberFormat.fixed(pair.gapMetres, decimals: 2)) m apart, joins two components")
    }
    var paired = [Bool](repeating: false, count: zoneIDs.count)
    for pair in pairs {
      paired[Int(pair.a)] = true
      paired[Int(pair.b)] = true
    }
    let alone = zoneIDs.indices.filter { !paired[$0] }
    if !alone.isEmpty {
      var tally = Tally(reason: "zone in no pair (no geometry, or an island left unlinked)", unit: "zones", destination: "not in the adjacency")
      tally.rows = alone.count
      tally.amount = Double(alone.count)
      tally.codes = alone.map { CodeAmount(code: zoneIDs[$0], rows: 1, amount: 1) }
      account.lose(tally)
    }
    return account
  }
}
