import Foundation
import LoopbackServer
import Normalize
import Testing

/// Our reader against warcio on the same hand-made old-format files: the same records, URIs,
/// dates, HTTP statuses and decoded payloads. Runs only where `COPYDESK_TEST_PYTHON` names an
/// interpreter with warcio (`make test` sets it); skipped otherwise.
@Suite("Old formats read alike by warcio and by our reader",
       .enabled(if: ProcessInfo.processInfo.environment["COPYDESK_TEST_PYTHON"] != nil), .timeLimit(.minutes(1)))
struct WARCWarcioCrossCheckTests {
    /// One line per record: type, URI, date, HTTP status, SHA-1 of the decoded payload.
    static let script = """
        import sys, hashlib, base64
        from warcio.archiveiterator import ArchiveIterator
        with open(sys.argv[1], 'rb') as stream:
            for record in ArchiveIterator(stream, arc2warc=True):
                uri = record.rec_headers.get_header('WARC-Target-URI') or '-'
                date = record.rec_headers.get_header('WARC-Date') or '-'
                if record.rec_type == 'response' and record.http_headers:
                    body = record.content_stream().read()
                    digest = 'sha1:' + base64.b32encode(hashlib.sha1(body).digest()).decode()
                    print(record.rec_type, uri, date, record.http_headers.get_statuscode(), digest)
                else:
                    print(record.rec_type, uri, date, '-', '-')
        """

    static func warcio(_ path: String) async throws -> [String] {
        let interpreter = try #require(ProcessInfo.processInfo.environment["COPYDESK_TEST_PYTHON"])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = ["-c", script, path]
        // Output to files, the task suspended while Python runs (not a pool thread blocked).
        let result = try await process.runCollectingOutput()
        try #require(result.status == 0, "warcio failed on \(path)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    static func ours(_ path: String) throws -> [String] {
        let reader = try WARCReader(path: path)
        var lines: [String] = []
        while let record = try reader.next() {
            // warcio calls every non-filedesc ARC record a response; so do we for HTTP captures.
            let type = record.version.hasPrefix("ARC") && record.type == .resource ? "response" : record.type.description
            let head = "\(type) \(record.targetURI ?? "-") \(record.headers["WARC-Date"] ?? "-")"
            if let http = try? record.httpResponse() {
                lines.append("\(head) \(http.status) \(WARCRecordEncoder.sha1Label([UInt8](http.body)[...]))")
            } else {
                lines.append("\(head) - -")
            }
        }
        #expect(reader.drainWarnings().isEmpty)
        return lines
    }

    static let files: [(String, Data)] = [
        ("v1.arc", ARCTestArchive.Storage.plain.encode(ARCTestArchive.pieces(version: 1))),
        ("v1.arc.gz", ARCTestArchive.Storage.gzipPerRecord.encode(ARCTestArchive.pieces(version: 1))),
        ("heritrix-0.17.warc", ARCTestArchive.Storage.plain.encode(WARCLegacyTests.heritrix017())),
        ("heritrix-0.17.warc.gz", ARCTestArchive.Storage.gzipPerRecord.encode(WARCLegacyTests.heritrix017())),
        ("clueweb-0.18.warc", ARCTestArchive.Storage.plain.encode(WARCLegacyTests.clueWeb09())),
    ]

    @Test("the same records as warcio", arguments: files.map(\.0))
    func sameAsWarcio(name: String) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-warcio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try #require(Self.files.first { $0.0 == name }).1.write(to: URL(fileURLWithPath: path))
        let theirs = try await Self.warcio(path)
        let ours = try Self.ours(path)
        #expect(ours.count == theirs.count)
        #expect(ours == theirs)
    }
}
