import ArgumentParser
import Foundation
import CatchmentAnalysis

/// Where library errors become the CLI's messages: library errors never name a command-line
/// option, so the ones whose remedy is an option are reworded here to name it.
enum ErrorMessages {
  /// A message that replaces a library error's own.
  struct Message: Error, CustomStringConvertible {
    var description: String
  }

  /// `error` as the CLI reports it.
  static func cli(_ error: Error) -> Error {
    switch error {
    case let repeated as RepeatedZoneRowsError:
      return Message(description: repeated.message { filters in filters.map { "--population-filter \(shellWord($0))" }.joined(separator: " ") })
    default:
      return error
    }
  }
}

/// `text` as one shell word: as is when plain, else in single quotes.
func shellWord(_ text: String) -> String {
  let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.=-+:/,".unicodeScalars.contains($0) }
  return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
