import Foundation
import Normalize

/// libFuzzer's entry point. One binary holds every target so the sanitizer build links once;
/// `COPYDESK_FUZZ_TARGET` (read once) picks the parser, and `make fuzz` runs each target as its
/// own process with its own corpus, dictionary and artifact directory, so a report still names
/// exactly one parser.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    FuzzTarget.selected.run(bytes)
    return 0
}

/// Called by libFuzzer before the first input: fails fast on a missing or unknown target.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
    LibXML.initialize()
    _ = FuzzTarget.selected
    return 0
}
