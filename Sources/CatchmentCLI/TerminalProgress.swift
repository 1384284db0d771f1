import CatchmentStudy
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The review's progress on a terminal: one line on standard error, redrawn in place with a
/// carriage return: `review: step 3 of 19 [###.......] population icb: population_lsoa.csv`.
/// A step that takes longer than half a second gets a bar of the file being read (how far the
/// run's descriptor on that file has read, on Linux) or the seconds elapsed. The line is
/// cleared at the end, so the report follows on a clean line. Disabled (nothing written) when
/// standard error is not a terminal or with `--quiet`.
final class TerminalProgress: @unchecked Sendable {
  let enabled: Bool
  private let lock = NSLock()
  private var step: ReviewStep?
  private var stepStarted = Date()
  private var drawn = false
  private var stopped = false
  private var ticking = false

  init(enabled: Bool) { self.enabled = enabled }

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
    var text = "review: step \(step.number) of \(step.total) \(Self.bar(Double(step.number - 1) / Double(max(step.total, 1)))) \(step.label)"
    let elapsed = Date().timeIntervalSince(stepStarted)
    if elapsed > 0.5, let read = Self.reading(step.files) {
      text += ": reading \(read.name) \(Self.bar(read.fraction)) \(Int(read.fraction * 100))%"
    } else if !step.files.isEmpty {
      text += ": " + step.files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
      if elapsed > 0.5 { text += " (\(Int(elapsed)) s)" }
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

  /// Which of `files` the process has open, and how far it has read it: the position of its
  /// descriptor (`/proc/self/fdinfo`) over the file's size. Nil where `/proc` is absent, or
  /// when no file of the step is open (a file read through a memory map has no position).
  static func reading(_ files: [String]) -> (name: String, fraction: Double)? {
    guard !files.isEmpty, let descriptors = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return nil }
    for fd in descriptors {
      guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)"), files.contains(target),
        let info = try? String(contentsOfFile: "/proc/self/fdinfo/\(fd)", encoding: .utf8),
        let posLine = info.split(separator: "\n").first(where: { $0.hasPrefix("pos:") }),
        let position = Double(posLine.dropFirst(4).trimmingCharacters(in: .whitespaces)),
        let size = (try? FileManager.default.attributesOfItem(atPath: target)[.size]) as? NSNumber, size.doubleValue > 0
      else { continue }
      return ((target as NSString).lastPathComponent, min(position / size.doubleValue, 1))
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
