// libFuzzer entry point for the targets of CatchmentFuzzTargets, compiled by scripts/fuzz.sh
// (not part of the package build: libFuzzer supplies `main`). The target is named by the
// environment variable CATCHMENT_FUZZ_TARGET.
import CatchmentFuzzTargets
import Foundation

let target: FuzzTarget = {
  let name = ProcessInfo.processInfo.environment["CATCHMENT_FUZZ_TARGET"] ?? ""
  guard let target = FuzzTarget(rawValue: name) else {
    FileHandle.standardError.write(Data("set CATCHMENT_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
    exit(2)
  }
  return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  target.run(Array(UnsafeBufferPointer(start: data, count: size)))
  return 0
}
