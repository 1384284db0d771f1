/// How a zone's population is attributed to providers (`catchment catchments --method`).
///
/// From activity (definitions: OHID/PHE "NHS Acute (Hospital) Trust Catchment Populations"
/// methodology and the variants analysts use):
/// - `proportional`: share(z,p) = patients of p from z ÷ patients of all providers from z (the
///   given total, e.g. OHID `total_patients`, else the sum over the zone's rows), or the share as
///   given; the remainder of each zone is UNATTRIBUTED.
/// - `normalised`: the proportional shares rescaled to sum to 1 in each zone with activity.
/// - `fptp`: first past the post, the zone's whole population to its plurality provider (ties to
///   the lowest provider code).
/// - `threshold:X`: each provider with share ≥ X counts the zone's whole population (for X < 0.5
///   a zone may count for several providers, so catchments then overlap by design).
/// - `min-share:X`: shares below X dropped, the rest rescaled to the zone's original share total.
///
/// Modelled from sites, when there is no activity:
/// - `nearest`: the zone's whole population to the provider of the site nearest its centroid.
/// - `huff`: probability ∝ attractiveness^α · distance^−β over the sites within a cap.
public enum CatchmentMethod: Sendable, Equatable, CustomStringConvertible {
  case proportional
  case normalised
  case firstPastThePost
  case threshold(Double)
  case minimumShare(Double)
  case nearest
  case huff

  /// Parses `proportional`, `normalised`, `fptp`, `threshold:X`, `min-share:X`, `nearest`,
  /// `huff` (X in [0, 1]); nil for anything else.
  public init?(_ text: String) {
    let lower = text.lowercased()
    switch lower {
    case "proportional": self = .proportional
    case "normalised", "normalized": self = .normalised
    case "fptp": self = .firstPastThePost
    case "nearest": self = .nearest
    case "huff": self = .huff
    default:
      let parts = lower.split(separator: ":", maxSplits: 1)
      guard parts.count == 2, let x = Double(parts[1]), (0...1).contains(x) else { return nil }
      switch parts[0] {
      case "threshold": self = .threshold(x)
      case "min-share": self = .minimumShare(x)
      default: return nil
      }
    }
  }

  /// The methods as written (X in [0, 1]), for help and for messages that refuse one.
  public static let writtenForms = ["proportional", "normalised", "fptp", "threshold:X", "min-share:X", "nearest", "huff"]

  /// True for the methods that read activity rather than sites.
  public var usesActivity: Bool {
    switch self {
    case .nearest, .huff: return false
    default: return true
    }
  }

  public var description: String {
    switch self {
    case .proportional: return "proportional"
    case .normalised: return "normalised"
    case .firstPastThePost: return "fptp"
    case .threshold(let x): return "threshold:\(x)"
    case .minimumShare(let x): return "min-share:\(x)"
    case .nearest: return "nearest"
    case .huff: return "huff"
    }
  }
}
