/// The population-weighted centroid stand-in of every demo LSOA, in British National Grid
/// (EPSG:27700) whole metres: the centre of the LSOA's 1 km grid square moved by up to ±300 m
/// in each direction.
///
/// The offset comes from a hash of the LSOA code (32-bit FNV-1a, h), not from a random stream:
/// dx = (h mod 601) − 300 and dy = (⌊h / 601⌋ mod 601) − 300, in metres. The same code
/// therefore always lands on the same point, whatever else the generator draws. `lsoa_pwc.csv`
/// writes these points, and the activity model measures its distances from them.
enum ZoneCentroids {
  /// One point per LSOA of `geo`, in LSOA order.
  static func points(_ geo: DemoGeography, layout: BoundaryFileWriter.Layout) -> [(x: Int, y: Int)] {
    geo.lsoas.enumerated().map { l, lsoa in
      let c = layout.cellOfLSOA[l]
      let h = lsoa.code.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 }
      let dx = Int(h % 601) - 300, dy = Int((h / 601) % 601) - 300
      let cell = BoundaryFileWriter.cell
      return (
        BoundaryFileWriter.originEasting + c.column * cell + cell / 2 + dx,
        BoundaryFileWriter.originNorthing + c.row * cell + cell / 2 + dy
      )
    }
  }
}
