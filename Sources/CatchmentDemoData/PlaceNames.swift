/// Fictional place, street and surname words for generated names.
///
/// The stems are chosen to sound English without being real towns; `place(_:)` maps each
/// index to a distinct stem–suffix pair, so generated councils never share a name.
enum PlaceNames {
  static let stems = [
    "Abber", "Brisk", "Cray", "Dorn", "Ebber", "Felm", "Gask", "Hobb", "Ilm", "Jask",
    "Kesk", "Lorn", "Mabb", "Nesk", "Orth", "Pask", "Quen", "Rell", "Skel", "Tarn",
    "Umber", "Vell", "Wask", "Yarl", "Zell", "Brom", "Cask", "Dunn", "Frith", "Gorl",
  ]
  static let suffixes = [
    "ton", "bury", "field", "wick", "ley", "mere", "stow", "dale", "by", "combe",
    "ham", "worth", "ford", "well", "thorpe", "minster", "hythe", "moor", "bridge", "holme",
  ]
  static let streets = [
    "ABBEY", "BIRCH", "CASTLE", "CHURCH", "ELM", "FOUNTAIN", "GREEN", "HIGH", "LARCH",
    "MARKET", "MILL", "ORCHARD", "PARK", "QUEENS", "RIVERSIDE", "STATION", "VICTORIA",
    "WILLOW", "BRIDGE", "MEADOW",
  ]
  static let surnames = [
    "ADEYEMI", "BRENNAN", "CHOUDHURY", "DAWSON", "EVANS", "FLETCHER", "GUPTA", "HOLLOWAY",
    "IQBAL", "JENNINGS", "KOWALSKI", "LINDQVIST", "MORRISON", "NWOSU", "OKAFOR", "PATEL",
    "QUINN", "RAHMAN", "SINCLAIR", "THORNTON",
  ]
  static let directions = ["NORTH", "SOUTH", "EAST", "WEST", "CENTRAL", "RURAL", "VALLEY", "TOWN"]

  /// The `index`-th fictional place name ("Brisktown"-like); distinct for index < 600.
  static func place(_ index: Int) -> String {
    let stem = index % stems.count
    // Offsetting the suffix by the stem keeps the mapping one-to-one and mixes the pairs.
    let suffix = (index / stems.count + stem) % suffixes.count
    return stems[stem] + suffixes[suffix]
  }
}
