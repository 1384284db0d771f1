import CatchmentTables

/// One step of a review as it starts, for a progress display: "step 3 of 19, population icb,
/// reading population_lsoa_mid2022.csv".
public struct ReviewStep: Equatable, Sendable {
  /// The step's place, from 1.
  public var number: Int
  /// How many steps the review has (``ReviewRun/plannedSteps``; never less than `number`).
  public var total: Int
  /// The step's label, as its report is merged (`crosswalk icb`, `flows icb`).
  public var label: String
  /// The input files the step reads, as the study gives them (resolved paths).
  public var files: [String]

  public init(number: Int, total: Int, label: String, files: [String]) {
    self.number = number
    self.total = total
    self.label = label
    self.files = files
  }
}

/// A step the review plans to run: its label and the files it reads.
public struct PlannedStep: Equatable, Sendable {
  public var label: String
  public var files: [String]

  public init(label: String, files: [String]) {
    self.label = label
    self.files = files
  }
}

/// Numbers the steps as they start and hands each to the progress sink: the sink of
/// ``ReviewRun/progress`` sees step 1, 2, … of the planned total, in order.
struct ReviewProgressCounter {
  let plan: [PlannedStep]
  let sink: (ReviewStep) -> Void
  private(set) var started = 0

  init(plan: [PlannedStep], sink: @escaping (ReviewStep) -> Void) {
    self.plan = plan
    self.sink = sink
  }

  /// A step starts.
  mutating func begin(_ label: String) {
    started += 1
    let files = plan.first { $0.label == label }?.files ?? []
    sink(ReviewStep(number: started, total: max(plan.count, started), label: label, files: files))
  }
}

/// How far the readers have read each input file, for a bar of long reads: off until
/// ``follow()``, then every CSV block read is counted by file (see `ReadProgress` in
/// CatchmentTables).
public enum ReviewReads {
  /// Starts counting; call before ``ReviewRun/run()``.
  public static func follow() { ReadProgress.shared.enable() }

  /// The bytes read so far from `path` (a path as ``ReviewStep/files`` gives it), over the
  /// whole run: a file read in several steps, or twice in one, counts each read.
  public static func bytesRead(_ path: String) -> Int { ReadProgress.shared.bytesRead(path) }
}
