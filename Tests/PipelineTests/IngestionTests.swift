import Foundation
import LoopbackServer
import Testing
@testable import Pipeline

/// End-to-end passes against loopback outlets.
@Suite("Ingestion", .timeLimit(.minutes(2)))
struct IngestionTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    private func config(sources: [SourceConfig], policy: DedupePolicy = .drop) -> PipelineConfig {
        folder.loopbackConfig(sources, policy: policy)
    }

    private func serve(_ corpus: NewsCorpus) throws -> ([LoopbackServer], [SourceConfig]) { try folder.serve(corpus) }

    private func run(_ config: PipelineConfig, all: Bool = true) async throws -> RunSummary {
        try await Ingestion(config: config, options: IngestionOptions(pollAll: all), logger: .quiet).run()
    }

    private func allManifestLines(_ config: PipelineConfig) throws -> [ManifestRecord] {
        let root = config.output.directory
        let days = try FileManager.default.contentsOfDirectory(atPath: root).filter { !$0.hasPrefix(".") }.sorted()
        return try days.flatMap { try readManifest((root as NSString).appendingPathComponent($0)) }
    }

    @Test func firstPassRecordsEveryArticleAndSecondPassNothing() async throws {
        let corpus = NewsCorpus(outlets: 2, articlesPerOutlet: 6, reprintShare: 0)
        let (servers, sources) = try serve(corpus)
        defer { servers.forEach { $0.stop() } }
        let config = config(sources: sources)
        let first = try await run(config)
        #expect(first.totals.records == 12, "\(first.rendered())")
        #expect(first.totals.errors.isEmpty)
        let lines = try allManifestLines(config)
        #expect(lines.count == 12)
        #expect(Set(lines.map(\.id)).count == 12)
        #expect(lines.compactMap(\.seq).sorted() == Array(0..<12))
        // The feed's tracking parameters are gone from the canonical URL.
        #expect(lines.allSatisfy { !$0.canonicalURL.contains("utm_") })
        // Text files in the seed format: the body only, one paragraph per line.
        let article = corpus.article(outlet: 0, index: 3)
        let record = try #require(lines.first { $0.canonicalURL.hasSuffix(article.path) })
        let day = ManifestDates.day(record.fetchedAt)
        let file = try #require(record.file)
        let text = try String(contentsOfFile: folder.file("records/\(day)/\(file)"), encoding: .utf8)
        #expect(text == article.paragraphs.joined(separator: "\n") + "\n")

        let second = try await run(config)
        #expect(second.totals.records == 0)
        #expect(second.totals.newEntries == 0)
        #expect(try allManifestLines(config).count == 12)
    }

    @Test func wireReprintIsFlaggedAndDistinctReportsKept() async throws {
        let corpus = NewsCorpus(outlets: 2, articlesPerOutlet: 8, reprintShare: 0.5, seed: 7)
        let reprints = corpus.articles(outlet: 1).filter { $0.reprintOf != nil }
        try #require(!reprints.isEmpty)
        let (servers, sources) = try serve(corpus)
        defer { servers.forEach { $0.stop() } }
        let config = config(sources: [sources[0]])
        _ = try await run(config)
        var both = config
        both.sources = sources
        let summary = try await run(both)
        #expect(summary.totals.duplicates == reprints.count)
        let lines = try allManifestLines(both)
        let duplicates = lines.filter { $0.duplicateOf != nil }
        #expect(duplicates.count == reprints.count)
        #expect(duplicates.allSatisfy { $0.file == nil && $0.seq == nil && ($0.similarity ?? 0) > 0 })
        let originals = Set(lines.filter { $0.source == "outlet0" }.map(\.id))
        #expect(duplicates.allSatisfy { originals.contains($0.duplicateOf!) })
    }

    @Test func reprintsArrivingInTheSamePassAreFoundWithinOneWriteGroup() async throws {
        let corpus = NewsCorpus(outlets: 2, articlesPerOutlet: 8, reprintShare: 0.5, seed: 7)
        let reprints = corpus.articles(outlet: 1).filter { $0.reprintOf != nil }
        let originals = Set(reprints.map { $0.reprintOf!.index })
        try #require(!reprints.isEmpty)
        let (servers, sources) = try serve(corpus)
        defer { servers.forEach { $0.stop() } }
        let summary = try await run(config(sources: sources))
        // Each story told once: one record per distinct story, the other copies flagged.
        #expect(summary.totals.records == 16 - reprints.count)
        #expect(summary.totals.duplicates == reprints.count)
        #expect(originals.count <= reprints.count)
    }

    @Test func changedTextBecomesRevisionTwoAndUnchangedWritesNothing() async throws {
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        func atom(updated: String) -> String {
            """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id><updated>\(updated)</updated>
            <entry><title>Dam report</title><id>urn:t:1</id><link href="\(server.origin)/story/dam-report"/>
            <published>2026-11-20T08:00:00Z</published><updated>\(updated)</updated></entry></feed>
            """
        }
        func page(_ paragraphs: [String]) -> String {
            "<html><head><title>Dam report</title></head><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav><article><h1>Dam report</h1>"
                + paragraphs.map { "<p>\($0)</p>" }.joined() + "</article><footer>© Outlet</footer></body></html>"
        }
        let original = (1...6).map { "Paragraph \($0) of the original report on the dam inspection, which engineers completed on Monday after two weeks of tests on the spillway gates." }
        site.set("/atom.xml", LoopbackPage(contentType: "application/atom+xml", atom(updated: "2026-11-20T08:00:00Z")))
        site.set("/story/dam-report", LoopbackPage(page(original)))
        let config = config(sources: [SourceConfig(name: "dam", type: .feed, url: server.origin + "/atom.xml")])
        _ = try await run(config)

        // Re-announced with a new date but the same text: nothing new.
        site.set("/atom.xml", LoopbackPage(contentType: "application/atom+xml", atom(updated: "2026-11-20T09:00:00Z")))
        let unchanged = try await run(config)
        #expect(unchanged.totals.records == 0 && unchanged.totals.revisions == 0)

        // Re-announced with materially new text: revision 2, same id, superseding the first file.
        let rewritten = ["The inspection found cracks in two of the spillway gates, and the regional authority ordered the reservoir lowered by four metres.",
                         "Engineers said repairs would take until spring. Farmers downstream were told to expect lower irrigation quotas.",
                         "The authority's director said there was no immediate danger to towns below the dam, but that the findings were serious."]
        site.set("/story/dam-report", LoopbackPage(page(rewritten)))
        site.set("/atom.xml", LoopbackPage(contentType: "application/atom+xml", atom(updated: "2026-11-21T10:00:00Z")))
        let revised = try await run(config)
        #expect(revised.totals.revisions == 1)
        let lines = try allManifestLines(config)
        #expect(lines.map(\.revision) == [1, 2])
        try #require(lines.count == 2)
        #expect(lines[0].id == lines[1].id)
        #expect(lines[1].supersedes == "\(ManifestDates.day(lines[0].fetchedAt))/\(lines[0].file!)")
    }

    @Test func onlyDueSourcesArePolledUnlessAll() async throws {
        let corpus = NewsCorpus(outlets: 1, articlesPerOutlet: 3, seed: 4)
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        corpus.fill(site, outlet: 0, origin: server.origin)
        let config = config(sources: [SourceConfig(name: "only", type: .feed, url: server.origin + "/rss.xml")])
        let first = try await run(config, all: false)
        #expect(first.sources["only"]?.polled == 1)
        // The feed says ttl 15 and polling.minIntervalMinutes is 5: not due again right away.
        let second = try await run(config, all: false)
        #expect(second.sources["only"]?.polled ?? 0 == 0)
        let store = try SQLiteStateStore(path: config.state.path)
        let next = try #require(try store.source(named: "only")?.nextPollAt)
        #expect(next.timeIntervalSinceNow > 10 * 60)
        let forced = try await run(config, all: true)
        #expect(forced.sources["only"]?.polled == 1)
        #expect(forced.sources["only"]?.unchanged == 1)
    }

    @Test func feedMetadataFillsWhatThePageLacks() async throws {
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        site.set("/feed.xml", LoopbackPage(contentType: "application/rss+xml", """
            <?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><language>de</language>
            <item><title>Feed headline</title><link>\(server.origin)/a/report</link><dc:creator>Ines Valdar</dc:creator>
            <category>Economy</category><pubDate>Fri, 20 Nov 2026 07:45:00 +0000</pubDate></item></channel></rss>
            """))
        let body = (1...5).map { "<p>Absatz \($0): Der Hafen wurde am Donnerstag nach sechs Wochen Reparaturarbeiten wieder für den Schiffsverkehr geöffnet, sagte die Hafenmeisterin.</p>" }.joined()
        site.set("/a/report", LoopbackPage("<html><body><article>\(body)</article></body></html>"))
        let config = config(sources: [SourceConfig(name: "meta", type: .feed, url: server.origin + "/feed.xml")])
        _ = try await run(config)
        let line = try #require(try allManifestLines(config).first)
        #expect(line.title == "Feed headline")
        #expect(line.authors == ["Ines Valdar"])
        #expect(line.categories == ["Economy"])
        #expect(line.published == Date(timeIntervalSince1970: 1_795_160_700))
    }

    @Test func theFeedDateBeatsAGuessFromThePage() async throws {
        // The page states no date; only its links repeat one. The feed's own date is better.
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        site.set("/feed.xml", LoopbackPage(contentType: "application/rss+xml", """
            <?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
            <item><title>Harbour</title><link>\(server.origin)/a/report</link><pubDate>Fri, 20 Nov 2026 07:45:00 +0000</pubDate></item>
            </channel></rss>
            """))
        let body = (1...5).map { "<p>Paragraph \($0): the harbour reopened on Thursday after six weeks of repairs to the quay walls, the harbour master said.</p>" }.joined()
        let links = "<ul><li><a href='/2019/05/06/older'>Older</a></li><li><a href='/2019/05/06/older#c'>Comments</a></li></ul>"
        site.set("/a/report", LoopbackPage("<html><body><article>\(body)</article>\(links)</body></html>"))
        let config = config(sources: [SourceConfig(name: "guess", type: .feed, url: server.origin + "/feed.xml")])
        _ = try await run(config)
        let line = try #require(try allManifestLines(config).first)
        #expect(line.published == Date(timeIntervalSince1970: 1_795_160_700))
    }

    @Test func unreachableSourceIsReportedAndPassCompletes() async throws {
        let config = config(sources: [SourceConfig(name: "gone", type: .feed, url: "http://127.0.0.1:9/feed.xml")])
        let summary = try await run(config)
        #expect(summary.sources["gone"]?.errors.isEmpty == false)
        let store = try SQLiteStateStore(path: config.state.path)
        #expect(try store.source(named: "gone")?.consecutiveFailures == 1)
    }

    @Test func secondRunIsRefusedWhileTheLockIsHeld() async throws {
        let config = config(sources: [SourceConfig(name: "gone", type: .feed, url: "http://127.0.0.1:9/feed.xml")])
        let held = try RunLock(statePath: config.state.path, kind: "run", mode: .failFast)
        defer { held.release() }
        await #expect(throws: RunLock.Busy.self) {
            _ = try await run(config)
        }
    }
}
