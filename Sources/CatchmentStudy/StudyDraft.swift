import CatchmentInputs
import Foundation

/// A study file drafted from what a folder holds (`catchment review --init FOLDER`): every
/// recognised input in its place with its columns filled in, and a `# CHECK:` comment naming
/// the choices wherever the draft had to pick one (which layer is the baseline, which of two
/// population files, which filter value, best-fit or area).
///
/// The draft decides as follows:
/// - the registrations' zone codes decide the boundary vintage: of several zone boundary files
///   or population estimates, the one whose codes cover the most of them (then the latest year,
///   then name order);
/// - a lookup bridging two vintages of the same small areas (two LSOA code columns, or a
///   `CHGIND`/`change_code` column) gives no layer: it is named in a check as what
///   `catchment recode` reads; nor does a lookup whose zone codes match none of the
///   registrations' when another lookup's do;
/// - every other lookup gives one layer per footprint level, named by the level (`icb`, `sicbl`,
///   `lad`; a second lookup's levels get the file's name appended); every footprint boundary
///   file one polygon layer named by the file (best-fit when centroids are given, else area);
///   every Catchment crosswalk one layer;
/// - the baseline is the first of `icb`, `sicbl`, `ccg`, `stp` present, the councils the first
///   of `lad`, `ltla`, `utla`, `ctyua`; every other layer is overlapped with the baseline;
/// - the practice map's footprint column is its `ONS_…_CODE` column of the baseline's level;
/// - a population file stacking sexes is filtered to its all-persons value, an activity table
///   to its latest year and to admission type `All`.
public struct StudyDraft: Sendable {
  /// The TOML text, ready to write.
  public var text: String
  /// The `# CHECK:` notes, in the order they appear.
  public var checks: [String]

  /// Drafts the study for the survey of a folder, with paths relative to `studyFolder` (the
  /// folder the study file will be written to).
  ///
  /// - Parameters:
  ///   - distinct: the distinct values of a column of a file (path, column); by default read
  ///     from the whole file.
  ///   - codes: every distinct code of a column of a CSV or boundary file (path, column); by
  ///     default read from the whole file.
  public init(
    survey: FolderSurvey, studyFolder: URL,
    distinct: @escaping (String, String) -> [String] = { path, column in (try? TableSample.distinctValues(path: path, column: column)) ?? [] },
    codes: @escaping (String, String) -> Set<String> = FolderSurvey.codes(path:column:)
  ) {
    var builder = DraftBuilder(survey: survey, studyFolder: studyFolder, distinct: distinct, codes: codes)
    builder.build()
    self.text = builder.text
    self.checks = builder.checks
  }

  /// Surveys `folder` and writes the draft to `file`, which must not exist (its folder is
  /// created when missing).
  ///
  /// - Throws: ``StudyDraftError`` when `file` exists or cannot be written, or the folder
  ///   cannot be listed (nothing is written then).
  @discardableResult
  public static func write(folder: URL, to file: URL) throws -> StudyDraft {
    if FileManager.default.fileExists(atPath: file.path) { throw StudyDraftError.exists(file.path) }
    let survey: FolderSurvey
    do {
      survey = try FolderSurvey(folder: folder)
    } catch let error as FolderSurveyError {
      throw StudyDraftError.folder(error.folder, reason: error.reason)
    }
    let draft = StudyDraft(survey: survey, studyFolder: file.deletingLastPathComponent())
    do {
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    } catch {
      throw StudyDraftError.unwritable(file.path, reason: error.localizedDescription)
    }
    // O_EXCL: a file created between the check and the write is not overwritten either.
    let fd = open(file.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard fd >= 0 else {
      if errno == EEXIST { throw StudyDraftError.exists(file.path) }
      throw StudyDraftError.unwritable(file.path, reason: String(cString: strerror(errno)))
    }
    let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    do {
      try handle.write(contentsOf: Data(draft.text.utf8))
    } catch {
      throw StudyDraftError.unwritable(file.path, reason: error.localizedDescription)
    }
    return draft
  }
}

/// Why a study file could not be drafted.
public enum StudyDraftError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The study file already exists (it is never overwritten).
  case exists(String)
  /// The folder to look at cannot be listed.
  case folder(String, reason: String)
  /// The study file cannot be written.
  case unwritable(String, reason: String)

  public var description: String {
    switch self {
    case .exists(let path): return "\(path): already exists; a drafted study never overwrites a file"
    case .folder(let path, let reason): return "\(path): \(reason)"
    case .unwritable(let path, let reason): return "\(path): cannot write the study file: \(reason)"
    }
  }
}
