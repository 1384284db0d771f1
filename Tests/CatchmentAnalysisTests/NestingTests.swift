import CatchmentCore
import CatchmentTables
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentAnalysis

/// Nesting by hand: children c1, c2, c3 in parents P, Q.
///
///     c1: 100 in P                 → nests in P
///     c2: 90 in P, 10 in Q         → main parent P, 10% outside: does not nest
///     c3: 50 in Q, 50 in P         → tie: main parent the lowest id, P; 50% outside
@Suite struct NestingTests {
  let links: [(child: String, parent: String, amount: Double)] = [
    ("c1", "P", 100), ("c2", "P", 90), ("c2", "Q", 10), ("c3", "Q", 50), ("c3", "P", 50),
  ]

  @Test func handWorked() throws {
    let nesting = Nesting(levels: ["child", "parent"], links: [links], roots: ["P", "Q"], tolerance: 0.001)
    // c2's share outside, 1 − 0.9 = 0.09999999999999998, is written to 10 significant digits: 0.1.
    #expect(
      nesting.csv().text == """
        level,child_id,size,main_parent_id,share_outside_main_parent,nests,parents
        child,c1,100,P,0,true,P:1
        child,c2,100,P,0.1,false,P:0.9;Q:0.1
        child,c3,100,P,0.5,false,P:0.5;Q:0.5

        """)
    #expect(nesting.nonNesting.map(\.id) == ["c2", "c3"])
    // With a 10% tolerance c2 nests (0.1 − 10⁻¹⁶ ≤ 0.1 after rounding: 1 − 0.9 = 0.09999999999999998).
    #expect(Nesting(levels: ["child", "parent"], links: [links], roots: ["P", "Q"], tolerance: 0.1).nonNesting.map(\.id) == ["c3"])
  }

  @Test func treePutsChildrenUnderTheirMainParent() throws {
    let nesting = Nesting(
      levels: ["pcn", "sub-icb", "icb"], links: [[("n1", "s1", 3), ("n2", "s2", 2)], [("s1", "I", 1), ("s2", "I", 1)]], roots: ["I", "J"], tolerance: 0)
    let tree = nesting.tree()
    #expect(tree.map(\.id) == ["I", "J"])
    #expect(tree[0].children.map(\.id) == ["s1", "s2"] && tree[1].children.isEmpty)
    #expect(tree[0].children[0].children.map(\.id) == ["n1"])
    let json = String(decoding: try nesting.treeJSON(), as: UTF8.self)
    #expect(json.contains("\"share_outside_main_parent\" : 0"))
  }

  /// A child made of whole zones of one parent, its edge on the parent's edge, nests exactly:
  /// the overlap of two crosswalks of the same zones gives share outside 0.
  @Test func childOnItsParentsBoundaryNests() throws {
    var child = CrosswalkBuilder(), parent = CrosswalkBuilder()
    for (z, c, p) in [("z1", "c1", "P"), ("z2", "c1", "P"), ("z3", "c2", "P"), ("z4", "c3", "Q")] {
      child.add(zone: z, footprint: c, weight: 1)
      parent.add(zone: z, footprint: p, weight: 1)
    }
    let a = try child.build(method: "t"), b = try parent.build(method: "t")
    let pop = try ZonePopulation.read(
      path: try temporaryFile("z,pop\nz1,10\nz2,20\nz3,30\nz4,40\n"), columns: .init(id: "z", value: "pop"), crosswalk: a).population
    let overlap = try FootprintOverlap(a: a, b: b, population: pop)
    let nesting = Nesting(levels: ["c", "p"], links: [Nesting.links(overlap)], roots: overlap.bIDs, tolerance: 0)
    #expect(nesting.children.map(\.nests) == [true, true, true])
    #expect(nesting.children.map(\.size) == [30, 30, 40])
  }
}
