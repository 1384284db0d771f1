import Crypto
import Foundation

/// A file's size and SHA-256, as the manifest records them for every input and output.
public struct FileDigest: Equatable, Sendable {
  /// Size in bytes.
  public var size: UInt64
  /// SHA-256 of the bytes, 64 lowercase hexadecimal digits (what `sha256sum` prints).
  public var sha256: String

  public init(size: UInt64, sha256: String) {
    self.size = size
    self.sha256 = sha256
  }

  /// Bytes read per chunk: a national registrations file (~90 MB) is hashed without holding it
  /// in memory.
  public static let chunkSize = 1 << 20

  /// Reads the file at `path` in chunks of ``chunkSize`` bytes, feeding each to SHA-256
  /// (swift-crypto) and counting the bytes.
  ///
  /// - Throws: ``FileDigestError`` naming the file when it cannot be opened or read.
  public init(ofFileAt path: String) throws(FileDigestError) {
    FileDigest.countRead(path)
    let handle: FileHandle
    do {
      handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
    } catch {
      throw FileDigestError(path: path, reason: error.localizedDescription)
    }
    defer { try? handle.close() }
    var hasher = SHA256()
    var size: UInt64 = 0
    while true {
      let chunk: Data?
      do {
        chunk = try handle.read(upToCount: FileDigest.chunkSize)
      } catch {
        throw FileDigestError(path: path, reason: error.localizedDescription)
      }
      guard let chunk, !chunk.isEmpty else { break }
      hasher.update(data: chunk)
      size += UInt64(chunk.count)
    }
    self.init(size: size, sha256: hasher.finalize().map { hexByte($0) }.joined())
  }
}

/// A file that could not be opened or read for its digest.
public struct FileDigestError: Error, Equatable, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String
  public var description: String { "\(path): cannot read the file for its SHA-256: \(reason)" }
}

private func hexByte(_ byte: UInt8) -> String {
  let digits = Array("0123456789abcdef")
  return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
}
