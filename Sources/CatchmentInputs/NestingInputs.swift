import CatchmentAnalysis
import CatchmentCore
import CatchmentTables

/// Systems within systems from their inputs, as `catchment nesting` computes them.
public enum NestingInputs {
  /// By residence: each child's parents weighted by the population living in child ∩ parent,
  /// for crosswalks of the same zones to layers from small to large. The population table is
  /// parsed once and joined to each smaller layer.
  ///
  /// - Parameters:
  ///   - crosswalks: paths of the crosswalks, smallest layer first (two or more).
  ///   - levels: the layers' names, one per crosswalk.
  public static func byResidence(
    crosswalks paths: [String], levels: [String], populationPath: String, populationColumns: PopulationColumns, tolerance: Double,
    tables: InputTables = InputTables()
  ) throws -> (nesting: Nesting, account: RunAccount) {
    var account = RunAccount()
    let layers = try paths.map { path in
      let read = try Crosswalk.read(path: path)
      account.append(contentsOf: read.account)
      return read.crosswalk
    }
    var links: [[(child: String, parent: String, amount: Double)]] = []
    var roots: [String] = []
    for k in 0..<max(layers.count - 1, 0) {
      let table = try tables.population(path: populationPath, columns: populationColumns)
      let (pop, popAccount) = try ZonePopulation.join(table, crosswalk: layers[k])
      account.append(contentsOf: popAccount)
      let overlap = try FootprintOverlap(a: layers[k], b: layers[k + 1], population: pop)
      account.append(contentsOf: overlap.account)
      links.append(Nesting.links(overlap))
      roots = overlap.bIDs
    }
    var nesting = Nesting(levels: levels, links: links, roots: roots, tolerance: tolerance)
    for layer in layers {
      for f in 0..<layer.footprints.count where !layer.footprintNames[f].isEmpty { nesting.names[layer.footprints.code(Int32(f))] = layer.footprintNames[f] }
    }
    return (nesting, account)
  }

  /// By member practices (each practice once), from the practice map's `columns`, smallest
  /// layer first; `levels` names them.
  public static func byPractices(
    path: String, columns: [String], levels: [String], columnRole: String, tolerance: Double
  ) throws -> (nesting: Nesting, account: RunAccount) {
    let (map, account) = try PracticeMapLevels.read(path: path, columns: columns, columnRole: columnRole)
    return (Nesting(levels: levels, links: map.links, roots: map.roots, tolerance: tolerance), account)
  }

  /// The nesting's figures, and a note naming the first children that do not nest.
  public static func account(of nesting: Nesting) -> RunAccount {
    var account = RunAccount()
    let outside = nesting.nonNesting
    account.figure("children", Double(nesting.children.count))
    account.figure("children that do not nest", Double(outside.count))
    if !outside.isEmpty {
      account.note(
        "do not nest (share outside the main parent): "
          + outside.prefix(12).map { "\($0.id) in \($0.mainParent ?? "-") (\(NumberFormat.csv((($0.shareOutside) * 10000).rounded() / 10000)))" }.joined(separator: ", ")
          + (outside.count > 12 ? ", …" : ""))
    }
    return account
  }
}
