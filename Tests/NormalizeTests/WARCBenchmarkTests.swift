import Foundation
import Normalize
import Testing

/// Throughput of the WARC reader on a large generated file. Off by default: set
/// `COPYDESK_WARC_BENCH=/path/to/file.warc.gz` (see `bench/warc_read.sh`, which generates the file
/// with `bench/warc_generate.py` and runs this in a release build). Prints numbers, asserts none.
@Suite("WARC reader benchmark")
struct WARCBenchmarkTests {
    static let path = ProcessInfo.processInfo.environment["COPYDESK_WARC_BENCH"]

    @Test("read every record and parse every HTTP response", .enabled(if: path != nil))
    func readLargeFile() throws {
        let path = try #require(Self.path)
        let reader = try WARCReader(path: path)
        let started = ContinuousClock.now
        var records = 0
        var responses = 0
        var blockBytes = 0
        var bodyBytes = 0
        while let record = try reader.next() {
            records += 1
            blockBytes += record.block.count
            if record.type == .response, let parts = try? record.httpResponse() {
                responses += 1
                bodyBytes += parts.body.count
            }
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let fileMB = Double(reader.inputSize) / 1e6
        print("""
            WARC bench: \(path)
              file \(String(format: "%.1f", fileMB)) MB, \(records) records (\(responses) HTTP responses), \
            \(reader.warningCount) warnings
              \(String(format: "%.2f", seconds)) s: \(String(format: "%.0f", Double(records) / seconds)) records/s, \
            \(String(format: "%.0f", Double(responses) / seconds)) responses/s, \
            \(String(format: "%.1f", fileMB / seconds)) MB/s compressed, \
            \(String(format: "%.1f", Double(blockBytes) / 1e6 / seconds)) MB/s of record blocks, \
            \(String(format: "%.1f", Double(bodyBytes) / 1e6 / seconds)) MB/s of decoded bodies
              peak RSS \(Self.peakResidentMB().map { String(format: "%.1f", $0) } ?? "?") MB
            """)
        #expect(records > 0)
    }

    /// VmHWM from /proc/self/status (Linux): the process's peak resident set.
    static func peakResidentMB() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kilobytes / 1024
    }
}
