enum TTWA {
  static func labels(_ graph: ZoneGraph, _ nb: Neighbours, _ p: TTWAParameters) -> (label: [Int32], count: Int) {
    fatalError("not yet")
  }
}
