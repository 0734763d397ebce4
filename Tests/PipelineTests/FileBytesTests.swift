import Foundation
@testable import Pipeline
import Testing

/// `FileBytes`: whole-file reads without Foundation's leak on empty files.
@Suite("Whole-file reads")
struct FileBytesTests {
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "copydesk-filebytes-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func readsWhatIsThereAndTellsWhatIsNot() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("héllo\n".utf8).write(to: URL(fileURLWithPath: folder + "/text"))
        try Data().write(to: URL(fileURLWithPath: folder + "/empty"))
        try Data([0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: folder + "/binary"))
        #expect(try FileBytes.read(folder + "/text") == Data("héllo\n".utf8))
        #expect(try FileBytes.string(folder + "/text") == "héllo\n")
        #expect(try FileBytes.read(folder + "/empty").isEmpty)
        #expect(try FileBytes.string(folder + "/empty") == "")
        #expect(FileBytes.readIfPresent(folder + "/missing") == nil)
        #expect(throws: (any Error).self) { try FileBytes.read(folder + "/missing") }
        #expect(throws: (any Error).self) { try FileBytes.string(folder + "/binary") }
    }

    /// Under AddressSanitizer freed memory waits in a quarantine of up to 256 MB, so the
    /// resident size says nothing about leaks there (the sanitizer's own leak check does).
    static let underSanitizer: Bool = {
        let process = dlopen(nil, RTLD_NOW)
        return dlsym(process, "__asan_init") != nil || dlsym(process, "__tsan_init") != nil
    }()

    /// Foundation's whole-file readers keep a 4 KiB buffer per empty file read: 100,000 reads
    /// would grow the process by about 400 MB. Through `FileBytes` they leave it as it was
    /// (the bound leaves room for the tests running beside this one).
    @Test(.disabled(if: underSanitizer, "resident size is not a leak measure under a sanitizer"))
    func readingAnEmptyFileOverAndOverLeaksNothing() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/empty"
        try Data().write(to: URL(fileURLWithPath: path))
        func residentBytes() throws -> Int {
            let fields = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8).split(separator: " ")
            return (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
        }
        let before = try residentBytes()
        for _ in 0..<50_000 {
            _ = try FileBytes.read(path)
            _ = FileBytes.readIfPresent(path)
        }
        let grown = try residentBytes() - before
        #expect(grown < 100_000_000, "resident size grew by \(grown / 1_000_000) MB over 100,000 reads of an empty file")
    }
}
