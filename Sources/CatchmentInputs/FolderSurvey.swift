import Foundation

/// What `catchment review --init` found in a folder: each CSV with the published layout it
/// recognised (or none), each boundary file with its code field. Files are in name order;
/// sub-folders and other files are not looked at.
public struct FolderSurvey: Sendable {
  /// A CSV file and what it is.
  public struct Table: Sendable {
    /// The file name within the folder.
    public var file: String
    public var sample: TableSample
    /// nil when not recognised.
    public var layout: PublishedLayout?

    public init(file: String, sample: TableSample, layout: PublishedLayout?) {
      self.file = file
      self.sample = sample
      self.layout = layout
    }
  }

  /// A boundary file and its fields.
  public struct Boundary: Sendable {
    public var file: String
    /// nil when no field looks like a code.
    public var layout: BoundaryLayout?
  }

  /// A file that could not be read, with the reason.
  public struct Unreadable: Sendable {
    public var file: String
    public var reason: String
  }

  public var folder: URL
  public var tables: [Table] = []
  public var boundaries: [Boundary] = []
  public var unreadable: [Unreadable] = []

  /// Extensions of boundary files.
  public static let boundaryExtensions: Set<String> = ["geojson", "json", "shp", "gpkg"]

  /// Looks at every `.csv` and boundary file directly in `folder`.
  ///
  /// - Throws: ``FolderSurveyError`` when the folder cannot be listed.
  public init(folder: URL) throws {
    self.folder = folder
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    } catch {
      throw FolderSurveyError(folder: folder.path, reason: "cannot list the folder: \(error.localizedDescription)")
    }
    for name in names {
      let path = folder.appendingPathComponent(name).path
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
      let ext = (name as NSString).pathExtension.lowercased()
      do {
        if ext == "csv" {
          let sample = try TableSample(path: path)
          tables.append(Table(file: name, sample: sample, layout: PublishedLayout.recognise(sample)))
        } else if Self.boundaryExtensions.contains(ext) {
          boundaries.append(Boundary(file: name, layout: try BoundaryLayout.read(path: path)))
        }
      } catch {
        unreadable.append(Unreadable(file: name, reason: "\(error)"))
      }
    }
  }
}

/// A folder that cannot be surveyed (it does not exist or cannot be listed).
public struct FolderSurveyError: Error, Equatable, Sendable, CustomStringConvertible {
  public var folder: String
  public var reason: String

  public init(folder: String, reason: String) {
    self.folder = folder
    self.reason = reason
  }

  public var description: String { "\(folder): \(reason)" }
}
