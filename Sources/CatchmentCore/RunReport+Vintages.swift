/// The zone-code vintages a run states, and the warnings for tables whose vintage differs from
/// their crosswalk's, which the CLI words with its own advice (``reword(_:)``).
extension RunReport {
  /// Records the vintage of an input's zone codes (one already recorded is not repeated).
  public func zoneVintage(_ finding: ZoneVintageFinding) {
    if !zoneVintages.contains(finding) { zoneVintages.append(finding) }
  }

  /// Records a vintage mismatch and warns with its ``VintageMismatch/message`` (one already
  /// recorded is not repeated).
  public func vintageMismatch(_ mismatch: VintageMismatch) {
    guard !vintageMismatches.contains(mismatch) else { return }
    vintageMismatches.append(mismatch)
    warn(mismatch.message)
  }

  /// Replaces each mismatch's warning with `wording(mismatch)`, in place: for a front end that
  /// names its own commands and options in the advice. Safe to call more than once.
  public func reword(_ wording: (VintageMismatch) -> String) {
    for mismatch in vintageMismatches {
      guard let i = warnings.firstIndex(of: mismatch.message) else { continue }
      warnings[i] = wording(mismatch)
    }
  }

  /// Copies `other`'s findings and mismatches with `label` (see ``merge(_:label:)-(RunReport,_)``).
  func mergeVintages(_ other: RunReport, label: String) {
    // A file read for both sides is stated once.
    for finding in other.zoneVintages where !zoneVintages.contains(where: { $0.file == finding.file && $0.census == finding.census }) {
      var labelled = finding
      labelled.role = "\(label): \(finding.role)"
      zoneVintage(labelled)
    }
    for mismatch in other.vintageMismatches {
      var labelled = mismatch
      labelled.role = "\(label) \(mismatch.role)"
      labelled.problem = "\(label): \(mismatch.problem)"
      // The other report's warning is this one's, labelled, as merge labels every warning.
      if let i = warnings.firstIndex(of: "\(label): \(mismatch.message)") { warnings.remove(at: i) }
      vintageMismatch(labelled)
    }
  }
}
