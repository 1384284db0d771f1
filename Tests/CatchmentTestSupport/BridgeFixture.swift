/// A small bridge between LSOA vintages in the ONS layout (`LSOA11CD,LSOA11NM,LSOA21CD,LSOA21NM,CHGIND`),
/// hand-made with every change code (2011 codes E0100000k, 2021 codes E0110000k):
///
///     E01000001 → E01100001               U  unchanged
///     E01000002 → E01100002, E01100003    S  split in two
///     E01000003, E01000004 → E01100004    M  two merged
///     E01000005 → E01100005, E01100006    X  redrawn: E01000005 split, and E01100006 takes
///     E01000006 → E01100006               X  part of E01000005 and all of E01000006
///
/// Read forward (2011 → 2021), E01000002 and E01000005 have several targets; in reverse,
/// E01100004 and E01100006.
public enum BridgeFixture {
  public static let csv = """
    LSOA11CD,LSOA11NM,LSOA21CD,LSOA21NM,CHGIND
    E01000001,one,E01100001,one,U
    E01000002,two,E01100002,two a,S
    E01000002,two,E01100003,two b,S
    E01000003,three,E01100004,three-four,M
    E01000004,four,E01100004,three-four,M
    E01000005,five,E01100005,five,X
    E01000005,five,E01100006,five-six,X
    E01000006,six,E01100006,five-six,X

    """
}
