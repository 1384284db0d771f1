/// The files a run reads and writes, as its caller names them: what ``InputOutputCheck``
/// compares before the run reads anything.
///
/// `label` is how the caller names the file in a message (the CLI gives its option, a study
/// would give its key); this layer only repeats it.
public enum RunFiles {
  /// What an input reads.
  public enum InputKind: Equatable, Sendable {
    /// One file.
    case file
    /// Boundary files, folders of them, or glob patterns (as CatchmentGeoIO's `LayerSource`
    /// reads them): a folder is read for its `.geojson`, `.json`, `.shp` and `.gpkg` files, and a
    /// Shapefile's `.dbf`, `.shx`, `.prj` and `.cpg` are read with its `.shp`.
    case boundaries
    /// CSV files or folders of them (a postcode directory).
    case csvFiles

    /// Extensions (lower case) of the files read from a folder or a pattern, sidecars included.
    public var extensions: Set<String> {
      switch self {
      case .file: []
      case .boundaries: ["geojson", "json", "shp", "gpkg", "dbf", "shx", "prj", "cpg"]
      case .csvFiles: ["csv"]
      }
    }
  }

  /// A file, folder or pattern read.
  public struct Input: Equatable, Sendable {
    public var label: String
    public var path: String
    public var kind: InputKind

    public init(label: String, path: String, kind: InputKind = .file) {
      self.label = label
      self.path = path
      self.kind = kind
    }
  }

  /// A file written (`-`: standard output).
  public struct Output: Equatable, Sendable {
    public var label: String
    public var path: String

    public init(label: String, path: String) {
      self.label = label
      self.path = path
    }
  }
}
