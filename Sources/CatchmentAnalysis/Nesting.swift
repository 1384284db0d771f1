import CatchmentCore
import CatchmentTables
import Foundation

/// Systems within systems: whether each footprint of a smaller layer lies within one footprint
/// of the next larger layer (sub-ICB in ICB in region; council in ICB).
///
/// For a child c and the parents p of the next layer, with M[c][p] the population living in
/// c ∩ p (``FootprintOverlap``) or any other measure of c's members in p (a PCN's practices):
/// - its parents, with share(c,p) = M[c][p] ÷ Σp M[c][p], largest first;
/// - its main parent, the largest share (ties to the lowest id);
/// - share_outside = 1 − share(c, main parent); c nests when share_outside ≤ the tolerance.
public struct Nesting: Sendable {
  /// One child footprint and its parents.
  public struct Child: Sendable, Equatable {
    /// Index of the child's layer (0 = smallest).
    public var level: Int
    public var id: String
    /// Σp M[c][p]: its population (or members, for PCNs).
    public var size: Double
    /// Parents with their shares, largest first (ties: lowest id first).
    public var parents: [Parent]
    public var shareOutside: Double
    public var nests: Bool
    public var mainParent: String? { parents.first?.id }
  }

  public struct Parent: Sendable, Equatable {
    public var id: String
    public var share: Double
  }

  /// Layer names, smallest first.
  public let levels: [String]
  /// Children of every level but the last, level by level, ids in byte order.
  public let children: [Child]
  /// Ids of the largest layer, byte order.
  public let roots: [String]
  /// Footprint names by id, any level (for `child_name` and `main_parent_name`); may be empty.
  public var names: [String: String] = [:]

  /// - Parameters:
  ///   - links: per consecutive pair of levels, (child, parent, amount) triples with amount > 0.
  ///   - roots: the largest layer's ids.
  public init(levels: [String], links: [[(child: String, parent: String, amount: Double)]], roots: [String], tolerance: Double) {
    precondition(links.count == levels.count - 1, "one set of links per pair of levels")
    var children: [Child] = []
    for (level, pairs) in links.enumerated() {
      var byChild: [String: [(String, Double)]] = [:]
      for link in pairs where link.amount > 0 { byChild[link.child, default: []].append((link.parent, link.amount)) }
      for child in byChild.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
        var merged: [String: Double] = [:]
        for (parent, amount) in byChild[child]! { merged[parent, default: 0] += amount }
        var total = 0.0
        for parent in merged.keys.sorted() { total += merged[parent]! }
        let parents = merged.map { Parent(id: $0.key, share: $0.value / total) }.sorted {
          $0.share != $1.share ? $0.share > $1.share : $0.id.utf8.lexicographicallyPrecedes($1.id.utf8)
        }
        let outside = max(0, 1 - parents[0].share)
        children.append(Child(level: level, id: child, size: total, parents: parents, shareOutside: outside, nests: outside <= tolerance))
      }
    }
    self.levels = levels
    self.children = children
    self.roots = roots
  }

  /// Links from population overlaps of consecutive layers.
  public static func links(_ overlap: FootprintOverlap) -> [(child: String, parent: String, amount: Double)] {
    var out: [(child: String, parent: String, amount: Double)] = []
    for a in overlap.aIDs.indices {
      for b in overlap.bIDs.indices where overlap.population(a, b) > 0 { out.append((overlap.aIDs[a], overlap.bIDs[b], overlap.population(a, b))) }
    }
    return out
  }

  /// `level,child_id,size,main_parent_id,share_outside_main_parent,nests,parents` with parents
  /// as `id:share;id:share` (largest first).
  /// With ``names``, `child_name` follows `child_id` and `main_parent_name` follows
  /// `main_parent_id`.
  public func csv(numbers: NumberFormat = .readable, byteOrderMark: Bool = false) -> CSVWriter {
    let named = !names.isEmpty
    var header = ["level", "child_id", "size", "main_parent_id", "share_outside_main_parent", "nests", "parents"]
    if named {
      header.insert("main_parent_name", at: 4)
      header.insert("child_name", at: 2)
    }
    var out = CSVWriter(header: header, byteOrderMark: byteOrderMark)
    for c in children {
      var fields = [
        levels[c.level], c.id, numbers.people(c.size), c.mainParent ?? "", numbers.ratio(c.shareOutside), c.nests ? "true" : "false",
        c.parents.map { "\($0.id):\(numbers.ratio($0.share))" }.joined(separator: ";"),
      ]
      if named {
        fields.insert(c.mainParent.flatMap { names[$0] } ?? "", at: 4)
        fields.insert(names[c.id] ?? "", at: 2)
      }
      out.append(fields)
    }
    return out
  }

  /// The children that do not nest.
  public var nonNesting: [Child] { children.filter { !$0.nests } }

  /// A node of the JSON tree: a footprint and the children whose main parent it is.
  public struct Node: Encodable, Equatable {
    public var id: String
    public var level: String
    public var size: Double?
    public var nests: Bool?
    public var shareOutsideMainParent: Double?
    public var children: [Node]

    enum CodingKeys: String, CodingKey {
      case id, level, size, nests, children
      case shareOutsideMainParent = "share_outside_main_parent"
    }
  }

  /// The tree: the largest layer's footprints, each holding the children whose main parent it is,
  /// down to the smallest layer.
  public func tree() -> [Node] {
    func nodes(under parent: String, level: Int) -> [Node] {
      guard level >= 0 else { return [] }
      return children.filter { $0.level == level && $0.mainParent == parent }.map { c in
        Node(id: c.id, level: levels[level], size: c.size, nests: c.nests, shareOutsideMainParent: c.shareOutside, children: nodes(under: c.id, level: level - 1))
      }
    }
    return roots.map { Node(id: $0, level: levels.last!, children: nodes(under: $0, level: levels.count - 2)) }
  }

  /// The tree as JSON (keys sorted, indented), for reading by people and programs.
  public func treeJSON() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return try encoder.encode(tree())
  }
}
