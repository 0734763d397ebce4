import Foundation
import LoopbackServer
import Normalize
import Testing
@testable import Pipeline

/// The raw-response archive: written during a run, read back by warcio and by our reader,
/// re-extracted by backfill, repaired after a kill; and backfill is deterministic.
@Suite("Response archive", .timeLimit(.minutes(3)))
struct ResponseArchiveTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    private func config(_ name: String, sources: [SourceConfig], archive: Bool) -> PipelineConfig {
        folder.loopbackConfig(sources, name: name, archive: archive)
    }

    private func serve(_ corpus: NewsCorpus) throws -> ([LoopbackServer], [SourceConfig]) { try folder.serve(corpus) }

    private func backfill(_ config: PipelineConfig, _ files: [String], reextract: Bool = false) async throws -> RunSummary {
        var options = BackfillOptions()
        options.warcFiles = files
        options.reextract = reextract
        options.source = "archive"
        return try await Backfill(config: config, options: options, logger: .quiet,
                                  progress: ProgressReporter(style: .silent, logger: .quiet)).run()
    }

    private func archiveFiles(_ config: PipelineConfig) throws -> [String] {
        let directory = try #require(config.archive.directory)
        return try FileManager.default.contentsOfDirectory(atPath: directory).sorted().map { (directory as NSString).appendingPathComponent($0) }
    }

    /// Runs a Python snippet with the test venv's interpreter (warcio installed by `make test`).
    private func python(_ script: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        let interpreter = ProcessInfo.processInfo.environment["COPYDESK_TEST_PYTHON"] ?? ".build/test-venv/bin/python3"
        try #require(FileManager.default.isExecutableFile(atPath: interpreter),
                     "warcio's venv is missing: run the tests with `make test` (it installs \(interpreter))")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = ["-c", script] + arguments
        // Output to files, the task suspended while Python runs (not a pool thread blocked).
        let result = try await process.runCollectingOutput()
        return (result.status, result.stdout + result.stderr)
    }

    private static let warcioIndex = """
        import sys
        from warcio.archiveiterator import ArchiveIterator
        from warcio.utils import BUFF_SIZE
        for path in sys.argv[1:]:
            with open(path, 'rb') as stream:
                for record in ArchiveIterator(stream, check_digests='raise'):
                    body = record.content_stream().read()
                    status = record.http_headers.get_statuscode() if record.http_headers else '-'
                    print(record.rec_type, record.rec_headers.get_header('WARC-Target-URI') or '-', status, len(body))
        """

    @Test func runArchivesEveryArticleResponseReadableByWarcioAndByOurReader() async throws {
        let (servers, sources) = try serve(NewsCorpus(outlets: 2, articlesPerOutlet: 4, seed: 11))
        defer { servers.forEach { $0.stop() } }
        let config = config("run", sources: sources, archive: true)
        let summary = try await Ingestion(config: config, options: IngestionOptions(pollAll: true), logger: .quiet).run()
        #expect(summary.totals.records == 8)
        let files = try archiveFiles(config)
        #expect(files.count == 1 && files[0].hasSuffix(".warc.gz"))

        let warcio = try await python(Self.warcioIndex, files)
        #expect(warcio.status == 0, "\(warcio.output)")
        let rows = warcio.output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.first?.first == "warcinfo")
        let responses = rows.filter { $0.first == "response" }
        #expect(responses.count == 8 && rows.filter { $0.first == "request" }.count == 8)
        #expect(responses.allSatisfy { $0[2] == "200" && Int($0[3])! > 1000 })

        let reader = try WARCReader(path: files[0])
        var uris: [String] = []
        while let record = try reader.next() {
            guard record.type == .response else { continue }
            uris.append(try #require(record.targetURI))
            let body = try #require(try record.httpResponse(maxBodyBytes: 1 << 20)?.body)
            #expect(record.headers["WARC-Payload-Digest"] == WARCRecordEncoder.sha1Label([UInt8](body)[...]))
        }
        #expect(Set(uris).count == 8)
    }

    @Test func filesRotateAtTheirSizeLimitAndEveryOneIsAWholeWARC() async throws {
        let (servers, sources) = try serve(NewsCorpus(outlets: 2, articlesPerOutlet: 20, seed: 15))
        defer { servers.forEach { $0.stop() } }
        var config = config("run", sources: sources, archive: true)
        config.archive.maxFileBytes = 1 << 16
        _ = try await Ingestion(config: config, options: IngestionOptions(pollAll: true), logger: .quiet).run()
        let files = try archiveFiles(config)
        #expect(files.count >= 2 && files.allSatisfy { $0.hasSuffix(".warc.gz") })
        let warcio = try await python(Self.warcioIndex, files)
        #expect(warcio.status == 0, "\(warcio.output)")
        let rows = warcio.output.split(separator: "\n")
        #expect(rows.filter { $0.hasPrefix("warcinfo ") }.count == files.count)
        #expect(rows.filter { $0.hasPrefix("response ") }.count == 40)
    }

    @Test func reextractingTheArchiveWritesNothingNewAndAChangedTextBecomesARevision() async throws {
        let (servers, sources) = try serve(NewsCorpus(outlets: 2, articlesPerOutlet: 4, seed: 12))
        defer { servers.forEach { $0.stop() } }
        let config = config("run", sources: sources, archive: true)
        _ = try await Ingestion(config: config, options: IngestionOptions(pollAll: true), logger: .quiet).run()
        let files = try archiveFiles(config)

        // The same extractor over the same responses: every URL is unchanged.
        let again = try await backfill(config, files, reextract: true)
        #expect(again.totals.records == 0 && again.totals.revisions == 0)
        #expect(again.totals.unchangedArticles == 8)
        // Without --reextract the known URLs are not even extracted.
        let skipped = try await backfill(config, files)
        #expect(skipped.totals.records == 0 && skipped.totals.unchangedArticles == 0)

        // One response whose text reads differently (as a changed extractor would see it).
        let reader = try WARCReader(path: files[0])
        var first: WARCRecord?
        while first == nil, let record = try reader.next() { if record.type == .response { first = record } }
        let original = try #require(first)
        let uri = try #require(original.targetURI)
        let paragraphs = (1...5).map { "<p>Rewritten paragraph \($0): the council voted on Tuesday to close the old harbour bridge for a full year of repairs, officials said.</p>" }
        let html = "<html><body><article><h1>Bridge</h1>\(paragraphs.joined())</article></body></html>"
        let block = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(html.utf8.count)\r\n\r\n\(html)".utf8)
        let encoder = try #require(WARCRecordEncoder())
        let edited = folder.file("edited.warc.gz")
        try Data(encoder.gzipMember(encoder.record(type: "response", date: Date(), fields: [
            ("WARC-Target-URI", uri), ("Content-Type", "application/http;msgtype=response")], block: block)))
            .write(to: URL(fileURLWithPath: edited))
        let changed = try await backfill(config, [edited], reextract: true)
        #expect(changed.totals.revisions == 1 && changed.totals.records == 0)
    }

    @Test func twoBackfillsOfTheSameArchiveGiveIdenticalRecords() async throws {
        let (servers, sources) = try serve(NewsCorpus(outlets: 3, articlesPerOutlet: 30, reprintShare: 0.4, seed: 13))
        defer { servers.forEach { $0.stop() } }
        let source = config("run", sources: sources, archive: true)
        _ = try await Ingestion(config: source, options: IngestionOptions(pollAll: true), logger: .quiet).run()
        let files = try archiveFiles(source)
        var outputs: [[String: Data]] = []
        for name in ["first", "second"] {
            let target = config(name, sources: sources, archive: false)
            let summary = try await backfill(target, files)
            #expect(summary.totals.records > 0 && summary.totals.duplicates > 0)
            var contents: [String: Data] = [:]
            let root = target.output.directory
            for day in try FileManager.default.contentsOfDirectory(atPath: root) where !day.hasPrefix(".") {
                let dayFolder = (root as NSString).appendingPathComponent(day)
                for file in try FileManager.default.contentsOfDirectory(atPath: dayFolder) {
                    contents["\(day)/\(file)"] = FileManager.default.contents(atPath: (dayFolder as NSString).appendingPathComponent(file))
                }
            }
            outputs.append(contents)
        }
        #expect(outputs[0].keys.sorted() == outputs[1].keys.sorted())
        #expect(outputs[0] == outputs[1])
    }

    @Test func aFileLeftOpenByAKilledRunIsCutToWholeRecordsAndRenamed() async throws {
        let (servers, sources) = try serve(NewsCorpus(outlets: 1, articlesPerOutlet: 3, seed: 14))
        defer { servers.forEach { $0.stop() } }
        let config = config("run", sources: sources, archive: true)
        _ = try await Ingestion(config: config, options: IngestionOptions(pollAll: true), logger: .quiet).run()
        let file = try #require(try archiveFiles(config).first)
        let whole = try Data(contentsOf: URL(fileURLWithPath: file))
        // As a kill in mid-append leaves it: still named .open, the last member torn.
        let torn = file.replacingOccurrences(of: ".warc.gz", with: "-b.warc.gz") + ResponseArchive.openSuffix
        try (whole + whole.prefix(200)).write(to: URL(fileURLWithPath: torn))
        _ = try ResponseArchive(config: config.archive, directory: try #require(config.archive.directory), userAgent: "t", logger: .quiet)
        let repaired = String(torn.dropLast(ResponseArchive.openSuffix.count))
        #expect(!FileManager.default.fileExists(atPath: torn))
        #expect(try Data(contentsOf: URL(fileURLWithPath: repaired)) == whole)
        let warcio = try await python(Self.warcioIndex, [repaired])
        #expect(warcio.status == 0, "\(warcio.output)")
    }
}
