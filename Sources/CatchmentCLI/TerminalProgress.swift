import CatchmentStudy
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The review's progress on a terminal: one line on standard error, redrawn in place with a
/// carriage return: `review: step 3 of 19 [###.......] population icb: population_lsoa.csv`.
/// A step that takes longer than half a second gets a bar of the file being read (the bytes
/// the CSV readers have read of it, ``ReviewReads``) or, for other reads, the seconds elapsed.
/// The line is cleared at the end, so the report follows on a clean line. Disabled (nothing
/// written) when standard error is not a terminal or with `--quiet`.
final class TerminalProgress: @unchecked Sendable {
  let enabled: Bool
  private let lock = NSLock()
  private var step: ReviewStep?
  private var stepStarted = Date()
  private var drawn = false
  private var stopped = false
  private var ticking = false
  /// The bytes read from each of the step's files when it started, and their sizes.
  private var bytesAtStart: [String: Int] = [:]
  private var sizes: [String: Int] = [:]

  init(enabled: Bool) {
    self.enabled = enabled
    if enabled { ReviewReads.follow() }
  }

  /// Enabled when standard error is a terminal and the report is not quiet.
  static func standardError(quiet: Bool) -> TerminalProgress {
    TerminalProgress(enabled: !quiet && isatty(STDERR_FILENO) == 1)
  }

  /// The sink for ``ReviewRun/progress``: nil when disabled.
  var sink: ((ReviewStep) -> Void)? { enabled ? { [self] step in show(step) } : nil }

  /// A step starts: redraws the line and, the first time, starts the clock that redraws it
  /// during long steps.
  func show(_ step: ReviewStep) {
    guard enabled else { return }
    lock.lock()
    self.step = step
    stepStarted = Date()
    bytesAtStart = [:]
    sizes = [:]
    for file in step.files {
      bytesAtStart[file] = ReviewReads.bytesRead(file)
      sizes[file] = ((try? FileManager.default.attributesOfItem(atPath: file)[.size]) as? NSNumber)?.intValue
    }
    draw()
    let startTicker = !ticking
    ticking = true
    lock.unlock()
    if startTicker {
      Thread.detachNewThread { [self] in
        while true {
          Thread.sleep(forTimeInterval: 0.25)
          lock.lock()
          defer { lock.unlock() }
          if stopped { return }
          if Date().timeIntervalSince(stepStarted) > 0.5 { draw() }
        }
      }
    }
  }

  /// Clears the line (when one was drawn) and stops redrawing.
  func finish() {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    stopped = true
    if drawn { Self.writeError("\r\u{1B}[K") }
    drawn = false
  }

  /// Draws the current step's line; the lock is held.
  private func draw() {
    guard let step, !stopped else { return }
    // The bar and figures first, at a fixed place; the label and file names after them, cut
    // to the terminal's width. While a long step reads a file, the bar is that file's.
    var text = "review: step \(step.number) of \(step.total) "
    let elapsed = Date().timeIntervalSince(stepStarted)
    if elapsed > 0.5, let read = reading() {
      text += "\(Self.bar(read.fraction)) \(Int(read.fraction * 100))% \(step.label): reading \(read.name)"
    } else {
      // A long step whose reading cannot be followed shows its seconds instead.
      let seconds = elapsed > 0.5 ? " \(Int(elapsed)) s" : ""
      text += "\(Self.bar(Double(step.number - 1) / Double(max(step.total, 1))))\(seconds) \(step.label)"
      if !step.files.isEmpty { text += ": " + step.files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ") }
    }
    let width = Self.columns() - 1
    if text.count > width { text = String(text.prefix(max(width - 1, 0))) + "…" }
    Self.writeError("\r\u{1B}[K" + text)
    drawn = true
  }

  /// A bar of ten cells: `[####......]`.
  static func bar(_ fraction: Double) -> String {
    let filled = fraction.isFinite ? min(max(Int((fraction * 10).rounded(.down)), 0), 10) : 0
    return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 10 - filled) + "]"
  }

  /// The terminal's width in columns (80 when unknown).
  static func columns() -> Int {
    var size = winsize()
    if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 { return Int(size.ws_col) }
    if let text = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(text), n > 0 { return n }
    return 80
  }

  /// The file of the current step being read and how far: the bytes read from it since the
  /// step started (``ReviewReads``) over its size, the file read last in a step that reads it
  /// again counted from its start. Nil when none of the step's files has been read yet (or
  /// the step reads them otherwise than as CSV, e.g. boundaries); the lock is held.
  private func reading() -> (name: String, fraction: Double)? {
    guard let step else { return nil }
    for file in step.files {
      let read = ReviewReads.bytesRead(file) - (bytesAtStart[file] ?? 0)
      guard read > 0, let size = sizes[file], size > 0 else { continue }
      let within = read % size
      // Not yet done with this file (or exactly at its end with a later file untouched).
      if within > 0 || file == step.files.last {
        return ((file as NSString).lastPathComponent, within == 0 ? 1 : Double(within) / Double(size))
      }
    }
    return nil
  }

  /// Writes `text` to standard error with `write(2)` (a failure is ignored: there is nowhere
  /// left to say so).
  static func writeError(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let n = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return }
      bytes = bytes.dropFirst(n)
    }
  }
}
