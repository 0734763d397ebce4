import Foundation
import GRDB
import LoopbackServer
import Testing
@testable import Pipeline

/// The record log as consumers read it (`copydesk records`): commit order, the record contract
/// plus cursor and path, filters, and at-least-once delivery through a cursor.
@Suite("Record feed", .timeLimit(.minutes(2)))
struct RecordFeedTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    private func config(_ sources: [SourceConfig], policy: DedupePolicy = .drop) -> PipelineConfig {
        folder.loopbackConfig(sources, policy: policy)
    }

    /// Two outlets, the second reprinting part of the first's wire copy.
    private func ingest(policy: DedupePolicy = .drop) async throws -> (PipelineConfig, [LoopbackServer]) {
        let corpus = NewsCorpus(outlets: 2, articlesPerOutlet: 6, reprintShare: 0.5, seed: 5)
        let (servers, sources) = try folder.serve(corpus)
        let config = config(sources, policy: policy)
        _ = try await Ingestion(config: config, options: IngestionOptions(pollAll: true), logger: .quiet).run()
        return (config, servers)
    }

    private func objects(_ lines: [String]) throws -> [[String: Any]] {
        try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test func linesAreManifestLinesPlusCursorAndPathInCommitOrder() async throws {
        let (config, servers) = try await ingest()
        defer { servers.forEach { $0.stop() } }
        let store = try SQLiteStateStore(path: config.state.path)
        let feed = RecordFeed(store: store, outputDirectory: config.output.directory, withText: true)
        let batch = try feed.next(after: 0)
        let records = try objects(batch.lines)
        let day = try #require(try FileManager.default.contentsOfDirectory(atPath: config.output.directory).first { !$0.hasPrefix(".") })
        let manifest = try readManifest((config.output.directory as NSString).appendingPathComponent(day))
        let unique = manifest.filter { $0.duplicateOf == nil }
        #expect(records.count == unique.count && !records.isEmpty)
        #expect(records.map { $0["id"] as? String } == unique.map(\.id))
        let cursors = records.compactMap { $0["cursor"] as? Int }
        #expect(cursors == cursors.sorted() && Set(cursors).count == cursors.count)
        for record in records {
            let path = try #require(record["path"] as? String)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == record["text"] as? String)
            #expect(record["url"] is String && record["fetched_at"] is String && record["content_hash"] is String)
        }
        #expect(batch.resumeAfter == (try store.lastRecordPosition()))
        #expect(try feed.next(after: batch.resumeAfter).lines.isEmpty)
    }

    @Test func duplicatesSourcesDaysAndFilters() async throws {
        let (config, servers) = try await ingest()
        defer { servers.forEach { $0.stop() } }
        let store = try SQLiteStateStore(path: config.state.path)
        func lines(_ filter: RecordLogFilter) throws -> [[String: Any]] {
            try objects(RecordFeed(store: store, outputDirectory: config.output.directory, filter: filter).next(after: 0).lines)
        }
        let plain = try lines(RecordLogFilter())
        let withDuplicates = try lines(RecordLogFilter(includeDuplicates: true))
        let duplicates = withDuplicates.filter { $0["duplicate_of"] is String }
        #expect(!duplicates.isEmpty)
        #expect(withDuplicates.count == plain.count + duplicates.count)
        #expect(duplicates.allSatisfy { $0["path"] == nil })  // dropped: manifest line only
        let outlet1 = try lines(RecordLogFilter(sources: ["outlet1"]))
        #expect(!outlet1.isEmpty && outlet1.allSatisfy { $0["source"] as? String == "outlet1" })
        #expect(try lines(RecordLogFilter(sinceDay: "2999-01-01")).isEmpty)
        #expect(try lines(RecordLogFilter(untilDay: "2999-01-01")).count == plain.count)
    }

    @Test func latestRevisionsLeaveOutSupersededOnes() async throws {
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let atom = { (updated: String) in
            """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id><updated>\(updated)</updated>
            <entry><title>Dam</title><id>urn:t:1</id><link href="\(server.origin)/dam"/>
            <published>2026-11-20T08:00:00Z</published><updated>\(updated)</updated></entry></feed>
            """
        }
        let page = { (paragraphs: [String]) in
            "<html><body><article><h1>Dam</h1>" + paragraphs.map { "<p>\($0)</p>" }.joined() + "</article></body></html>"
        }
        let original = (1...6).map { "Paragraph \($0) of the original report on the dam inspection, which engineers completed on Monday after two weeks of tests on the spillway gates." }
        let rewritten = ["The inspection found cracks in two of the spillway gates, and the regional authority ordered the reservoir lowered by four metres.",
                         "Engineers said repairs would take until spring. Farmers downstream were told to expect lower irrigation quotas.",
                         "The authority's director said there was no immediate danger to towns below the dam, but that the findings were serious."]
        site.set("/atom.xml", LoopbackPage(contentType: "application/atom+xml", atom("2026-11-20T08:00:00Z")))
        site.set("/dam", LoopbackPage(page(original)))
        let config = config([SourceConfig(name: "dam", type: .feed, url: server.origin + "/atom.xml")])
        _ = try await Ingestion(config: config, options: IngestionOptions(pollAll: true), logger: .quiet).run()
        site.set("/atom.xml", LoopbackPage(contentType: "application/atom+xml", atom("2026-11-21T08:00:00Z")))
        site.set("/dam", LoopbackPage(page(rewritten)))
        let second = try await Ingestion(config: config, options: IngestionOptions(pollAll: true), logger: .quiet).run()
        #expect(second.totals.revisions == 1)
        let store = try SQLiteStateStore(path: config.state.path)
        let all = try objects(RecordFeed(store: store, outputDirectory: config.output.directory).next(after: 0).lines)
        let latest = try objects(RecordFeed(store: store, outputDirectory: config.output.directory,
                                            filter: RecordLogFilter(latestRevisionOnly: true)).next(after: 0).lines)
        #expect(all.map { $0["revision"] as? Int } == [1, 2])
        #expect(latest.map { $0["revision"] as? Int } == [2])
    }

    @Test func recordsWrittenBeforeTheLogKeptLinesAreReadFromTheDayManifest() async throws {
        let (config, servers) = try await ingest()
        defer { servers.forEach { $0.stop() } }
        let store = try SQLiteStateStore(path: config.state.path)
        let feed = RecordFeed(store: store, outputDirectory: config.output.directory)
        let before = try feed.next(after: 0).lines
        try await store.database.write { db in try db.execute(sql: "UPDATE records SET manifest_line = NULL") }
        #expect(try feed.next(after: 0).lines == before)
    }

    @Test func aConsumerThatFailsMidStreamResumesWithoutSkipping() async throws {
        let (config, servers) = try await ingest()
        defer { servers.forEach { $0.stop() } }
        let store = try SQLiteStateStore(path: config.state.path)
        let feed = RecordFeed(store: store, outputDirectory: config.output.directory)
        let everything = try feed.next(after: 0).lines
        #expect(everything.count >= 4)
        let seen = LockedLines()
        // The second batch cannot be written (a closed pipe, a crash): its cursor never moves.
        let failing = RecordFollower(feed: feed, after: 0, follow: false, batchSize: 2, deliver: { lines in
            if seen.batches == 1 { throw CancellationError() }
            seen.add(lines)
        }, save: { try store.saveConsumerPosition("c", position: $0, at: Date()) })
        await #expect(throws: CancellationError.self) { try await failing.run() }
        #expect(seen.lines == Array(everything.prefix(2)))
        let resumeAt = try #require(try store.consumerPosition("c"))
        let again = RecordFollower(feed: feed, after: resumeAt, follow: false, batchSize: 2, deliver: { seen.add($0) },
                                   save: { try store.saveConsumerPosition("c", position: $0, at: Date()) })
        try await again.run()
        #expect(seen.lines == everything)
        #expect(try store.consumers().first?.behind == 0)
    }
}

/// Lines a test consumer received, from the follower's task.
private final class LockedLines: @unchecked Sendable {
    // Only touched under the lock.
    private let lock = NSLock()
    private var stored: [String] = []
    private var count = 0
    func add(_ lines: [String]) { lock.withLock { stored += lines; count += 1 } }
    var lines: [String] { lock.withLock { stored } }
    var batches: Int { lock.withLock { count } }
}
