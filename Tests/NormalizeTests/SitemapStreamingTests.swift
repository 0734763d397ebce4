import Foundation
import Normalize
import Testing

/// Produces a sitemap of `count` URLs on the fly, a chunk at a time, so the test proves the
/// reader never needs the whole document (which is never in memory here).
final class GeneratedSitemapSource: ChunkSource {
    private let count: Int
    private var produced = 0
    private var pending: [UInt8] = Array(
        #"<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#.utf8)
    private var finished = false
    private(set) var largestRead = 0

    init(count: Int) { self.count = count }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        largestRead = max(largestRead, buffer.count)
        while pending.count < buffer.count && !finished {
            if produced < count {
                pending += Array(
                    "<url><loc>https://big.example/2024/01/\(produced % 28 + 1)/story-number-\(produced)</loc><lastmod>2024-01-\(String(format: "%02d", produced % 28 + 1))</lastmod></url>\n".utf8)
                produced += 1
            } else {
                pending += Array("</urlset>".utf8)
                finished = true
            }
        }
        let n = min(buffer.count, pending.count)
        pending.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        pending.removeFirst(n)
        return n
    }
}

@Suite struct SitemapStreamingTests {
    @Test(.timeLimit(.minutes(1))) func streamsAGeneratedSitemapChunkByChunk() throws {
        let source = GeneratedSitemapSource(count: 100_000)
        let reader = try SitemapReader(source: source, url: URL(string: "https://big.example/sitemap.xml")!)
        var count = 0
        var last: SitemapEntry?
        while let item = try reader.next() {
            guard case .url(let entry) = item else { Issue.record("unexpected child sitemap"); break }
            count += 1
            last = entry
        }
        #expect(count == 100_000)
        #expect(last?.loc.lastPathComponent == "story-number-99999")
        #expect(reader.kind == .urlset)
        // The parser asked for fixed-size chunks, never the whole document.
        #expect(source.largestRead <= 64 * 1024)
    }

    @Test func readsAGzipFileFromDisk() throws {
        let reader = try SitemapReader(path: FeedFixtures.url("sitemaps/urlset.xml.gz").path, url: URL(string: "https://www.harbourview-gazette.example/s.xml")!)
        var locs: [String] = []
        while let item = try reader.next() {
            if case .url(let entry) = item { locs.append(entry.loc.lastPathComponent) }
        }
        #expect(locs.first == "council-approves-harbour-wall-repairs")
        #expect(locs.count == 5)  // the streaming reader does not dedupe
    }

    @Test func missingFileIsAnIOError() {
        #expect {
            _ = try SitemapReader(path: "/nonexistent/sitemap.xml", url: URL(string: "https://x.example/")!)
        } throws: { (error: any Error) in
            guard case SitemapError.io = error else { return false }
            return true
        }
    }

    @Test func documentOpenerSniffsThroughGzip() throws {
        let opened = try DocumentOpener.open(path: FeedFixtures.url("sitemaps/urlset.xml.gz").path)
        #expect(opened.kind == .xml(root: "urlset", namespace: "http://www.sitemaps.org/schemas/sitemap/0.9"))
        let feed = try DocumentOpener.open(path: FeedFixtures.url("feeds/rdf10.xml").path)
        #expect(feed.kind == .xml(root: "RDF", namespace: "http://www.w3.org/1999/02/22-rdf-syntax-ns#"))
    }
}

@Suite struct SitemapCrawlPlanTests {
    func parsed(sitemaps: [String] = [], urls: [String] = []) -> ParsedSitemap {
        ParsedSitemap(
            kind: sitemaps.isEmpty ? .urlset : .sitemapIndex,
            entries: urls.map { SitemapEntry(loc: URL(string: $0)!) },
            sitemaps: sitemaps.map { SitemapReference(loc: URL(string: $0)!) },
            outsideWindow: 0, truncated: 0, warnings: [])
    }

    @Test func followsChildrenWithinDepthAndCount() throws {
        var plan = SitemapCrawlPlan(
            roots: [URL(string: "https://s.example/index.xml")!],
            limits: SitemapCrawlLimits(maxDepth: 1, maxSitemaps: 3, maxURLs: 3))
        let rootStep = plan.nextSitemap()
        let root = try #require(rootStep)
        #expect(root.depth == 0)
        _ = plan.record(
            parsed(sitemaps: ["https://s.example/a.xml", "https://s.example/b.xml", "https://s.example/c.xml", "https://s.example/index.xml"]),
            from: root)
        #expect(plan.skipped.contains { $0.url.lastPathComponent == "c.xml" && $0.reason == .sitemapLimit })
        #expect(plan.skipped.contains { $0.url.lastPathComponent == "index.xml" && $0.reason == .alreadySeen })
        let aStep = plan.nextSitemap()
        let a = try #require(aStep)
        #expect(a.depth == 1)
        // A nested index below the depth limit is not followed.
        _ = plan.record(parsed(sitemaps: ["https://s.example/deeper.xml"]), from: a)
        #expect(plan.skipped.contains { $0.url.lastPathComponent == "deeper.xml" && $0.reason == .depthLimit })
        let bStep = plan.nextSitemap()
        let b = try #require(bStep)
        let kept = plan.record(
            parsed(urls: ["https://s.example/1", "https://s.example/2", "https://s.example/2", "https://s.example/3", "https://s.example/4"]),
            from: b)
        #expect(kept.map(\.loc.lastPathComponent) == ["1", "2", "3"])
        #expect(plan.droppedURLs == 1)
        #expect(plan.nextSitemap() == nil)
    }
}
