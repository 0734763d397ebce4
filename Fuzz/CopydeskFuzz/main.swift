import CLibFuzzer
import Foundation

// SwiftPM links this target with its own entry point rather than libFuzzer's `main`; this hands
// the command line to libFuzzer's driver, which calls `LLVMFuzzerInitialize` and then
// `LLVMFuzzerTestOneInput` (FuzzEntry.swift) for every input.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    guard let data else { return 0 }
    return fuzz(data, size)
})
