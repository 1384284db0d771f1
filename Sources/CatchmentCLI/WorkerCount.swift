import ArgumentParser
import Foundation

/// The value of `--workers`: tasks to run at once, by default one per processor.
///
/// A type of its own so that the help says "(default: the processor count)" once, instead of
/// ArgumentParser's "(default: 2)" after a help text that says the same.
struct WorkerCount: ExpressibleByArgument {
  var count: Int

  init(count: Int) { self.count = count }

  /// A whole number, at least 1 (anything else is a usage error naming `--workers`).
  init?(argument: String) {
    guard let n = Int(argument), n >= 1 else { return nil }
    count = n
  }

  /// One task per processor.
  static var processorCount: WorkerCount { WorkerCount(count: ProcessInfo.processInfo.activeProcessorCount) }

  var defaultValueDescription: String { "the processor count" }
}
