import CatchmentCore
import CatchmentTables

extension ZonePopulation {
  /// The population with the zones of another nation set to 0 and reported as an expected
  /// exclusion (count and population), for the catchment commands.
  ///
  /// A catchment study's zones are those of its own nation: without a crosswalk they come from
  /// the population table's most common kind of code, so other nations' rows are already
  /// excluded there; a crosswalk may list them too (an England and Wales lookup, or one derived
  /// from such a lookup), and then the same zones must be left out, not folded into
  /// UNATTRIBUTED because no English provider's activity reaches them. Either way `catchments`
  /// and `membership` account for the same people.
  ///
  /// - Parameters:
  ///   - zones: the zones `values` is indexed by; `classifier` classifies their codes.
  ///   - owner: where the zones come from, for the message ("the crosswalk").
  public func excludingOtherNations(zones: CodeTable, classifier: ZoneCodeClassifier, owner: String) -> (population: ZonePopulation, account: RunAccount) {
    var account = RunAccount()
    var values = self.values
    var excluded: [String: (rows: Int, amount: Double)] = [:]
    for z in 0..<min(zones.count, values.count) where present[z] {
      let code = zones.code(Int32(z))
      guard classifier.classify(code) == .otherNation else { continue }
      excluded[code] = (1, values[z])
      values[z] = 0
    }
    account.exclude(
      Tally(reason: "zones of another nation in \(owner) (outside the catchment study)", unit: "population", destination: "not counted", byCode: excluded))
    return (ZonePopulation(values: values, present: present), account)
  }
}
