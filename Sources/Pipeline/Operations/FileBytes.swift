public import Foundation

/// Reads whole files for the pipeline.
///
/// Foundation's `Data(contentsOf:)`, `FileManager.contents(atPath:)` and
/// `String(contentsOfFile:)` leak a 4 KiB buffer for every empty file they read (measured with
/// Swift 6.3.1: 100,000 reads of an empty file grew the resident size by 400 MB; the same reads
/// through `FileHandle.readToEnd()` by nothing). The pipeline reads files that may be empty —
/// a manifest just created, a metrics or source file an operator truncated — again and again in
/// long-running processes (`records --follow`, the service), so every whole-file read goes
/// through `FileHandle` here.
public enum FileBytes {
    /// The file's bytes; throws Foundation's error when it cannot be opened or read.
    public static func read(_ path: String) throws -> Data {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        return try handle.readToEnd() ?? Data()
    }

    /// The file's bytes, or nil when it is missing or unreadable.
    public static func readIfPresent(_ path: String) -> Data? {
        try? read(path)
    }

    /// The file's text; throws when it cannot be read or is not UTF-8.
    public static func string(_ path: String) throws -> String {
        guard let text = String(data: try read(path), encoding: .utf8) else {
            throw CocoaError(.fileReadInapplicableStringEncoding, userInfo: [NSFilePathErrorKey: path])
        }
        return text
    }
}
