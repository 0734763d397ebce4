import Foundation
import LoopbackServer
import Testing
@testable import Pipeline

/// Backfill inputs that need the network: sitemaps with a date window, RFC 5005 feed archives.
@Suite("Backfill inputs", .timeLimit(.minutes(2)))
struct BackfillInputTests {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder() }

    private func config() -> PipelineConfig {
        var fetch = FetchConfig()
        fetch.allowPrivateNetworks = true
        fetch.perHostDelayMs = 0
        fetch.perHostConcurrency = 4
        return PipelineConfig(output: OutputConfig(directory: folder.file("records")),
                              state: StateConfig(path: folder.file("state.sqlite")), fetch: fetch,
                              sources: [SourceConfig(name: "unused", type: .feed, url: "http://127.0.0.1:9/")])
    }

    private func backfill(_ options: BackfillOptions) async throws -> RunSummary {
        try await Backfill(config: config(), options: options, logger: .quiet,
                           progress: ProgressReporter(style: .silent, logger: .quiet)).run()
    }

    private func lines() throws -> [ManifestRecord] {
        let root = folder.file("records")
        let days = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return try days.filter { !$0.hasPrefix(".") }.flatMap { try readManifest((root as NSString).appendingPathComponent($0)) }
    }

    /// A page with a distinct story (generated text, so no two pages are near duplicates).
    private func articlePage(_ n: Int) -> LoopbackPage {
        let paragraphs = NewsCorpus(outlets: 1, articlesPerOutlet: 10, seed: 77).article(outlet: 0, index: n).paragraphs
        return LoopbackPage("<html><body><nav>Home News</nav><article>" + paragraphs.map { "<p>\($0)</p>" }.joined() + "</article></body></html>")
    }

    @Test func sitemapIndexIsFollowedAndFilteredByDate() async throws {
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let o = server.origin
        site.set("/sitemap-index.xml", LoopbackPage(contentType: "application/xml", """
            <?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <sitemap><loc>\(o)/sitemap-2026-10.xml</loc><lastmod>2026-10-31</lastmod></sitemap>
            <sitemap><loc>\(o)/sitemap-2026-11.xml</loc><lastmod>2026-11-30</lastmod></sitemap></sitemapindex>
            """))
        site.set("/sitemap-2026-10.xml", LoopbackPage(contentType: "application/xml", """
            <?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>\(o)/a/1</loc><lastmod>2026-10-02</lastmod></url>
            <url><loc>\(o)/a/2</loc><lastmod>2026-10-20</lastmod></url></urlset>
            """))
        site.set("/sitemap-2026-11.xml", LoopbackPage(contentType: "application/xml", """
            <?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
              xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
            <url><loc>\(o)/a/3</loc><news:news><news:publication_date>2026-11-03T10:00:00Z</news:publication_date><news:title>Three</news:title></news:news></url>
            <url><loc>\(o)/a/4</loc><lastmod>2026-11-25</lastmod></url></urlset>
            """))
        for n in 1...4 { site.set("/a/\(n)", articlePage(n)) }
        var options = BackfillOptions()
        options.sitemap = server.url("/sitemap-index.xml")
        options.since = try Date("2026-10-15T00:00:00Z", strategy: .iso8601)
        options.until = try Date("2026-11-20T00:00:00Z", strategy: .iso8601)
        let summary = try await backfill(options)
        #expect(summary.totals.records == 2)
        let recorded = Set(try lines().map { URL(string: $0.canonicalURL)!.path })
        #expect(recorded == ["/a/2", "/a/3"])
        #expect(try lines().first { $0.canonicalURL.hasSuffix("/a/3") }?.title == "Three")
    }

    @Test func feedArchiveChainIsWalkedBackward() async throws {
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let o = server.origin
        func page(_ entries: ClosedRange<Int>, prev: String?) -> LoopbackPage {
            let items = entries.map { "<entry><title>Story \($0)</title><id>urn:s:\($0)</id><link href=\"\(o)/a/\($0)\"/><updated>2026-11-\(String(format: "%02d", $0))T10:00:00Z</updated></entry>" }.joined()
            let link = prev.map { "<link rel=\"prev-archive\" href=\"\(o)\($0)\"/>" } ?? ""
            return LoopbackPage(contentType: "application/atom+xml",
                                "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>F</title><id>urn:f</id>\(link)\(items)</feed>")
        }
        site.set("/feed.xml", page(7...9, prev: "/archive/2"))
        site.set("/archive/2", page(4...6, prev: "/archive/1"))
        site.set("/archive/1", page(1...3, prev: "/feed.xml"))  // a loop back to the start ends the walk
        for n in 1...9 { site.set("/a/\(n)", articlePage(n)) }
        var options = BackfillOptions()
        options.feed = server.url("/feed.xml")
        let summary = try await backfill(options)
        #expect(summary.totals.records == 9)
        #expect(Set(try lines().map { URL(string: $0.canonicalURL)!.path }) == Set((1...9).map { "/a/\($0)" }))
        // Started again with the same arguments: nothing new.
        let again = try await backfill(options)
        #expect(again.totals.records == 0)
        #expect(try lines().count == 9)
    }
}
