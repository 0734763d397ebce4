import Foundation
import Normalize
import Testing

@Suite struct SitemapTests {
    let siteURL = URL(string: "https://www.harbourview-gazette.example/sitemap.xml")!

    @Test func urlsetEntries() throws {
        let sitemap = try SitemapParser.parse(try FeedFixtures.data("sitemaps/urlset.xml"), url: siteURL)
        #expect(sitemap.kind == .urlset)
        // Six <url>s: one duplicate, one without <loc>.
        #expect(sitemap.entries.count == 4)
        let first = sitemap.entries[0]
        #expect(first.loc.absoluteString == "https://www.harbourview-gazette.example/local/2024/03/15/council-approves-harbour-wall-repairs/")
        #expect(first.lastModified == FeedFixtures.date("2024-03-15T05:42:10Z"))
        #expect(first.changeFrequency == "hourly")
        #expect(first.priority == 0.8)
        #expect(sitemap.entries[3].lastModified == nil)
    }

    @Test func gzipCompressedSitemap() throws {
        let plain = try SitemapParser.parse(try FeedFixtures.data("sitemaps/urlset.xml"), url: siteURL)
        let compressed = try SitemapParser.parse(try FeedFixtures.data("sitemaps/urlset.xml.gz"), url: siteURL)
        #expect(compressed.entries == plain.entries)
    }

    @Test func corruptGzipIsACompressionError() throws {
        var data = try FeedFixtures.data("sitemaps/urlset.xml.gz")
        data = data.prefix(data.count / 2)
        #expect(throws: SitemapError.compression("corrupt gzip data: truncated gzip stream")) {
            try SitemapParser.parse(data, url: siteURL)
        }
    }

    @Test func gzipBombStopsAtTheLimit() throws {
        let data = try FeedFixtures.data("sitemaps/urlset.xml.gz")
        #expect(throws: SitemapError.compression("decompressed data larger than 100 bytes")) {
            try SitemapParser.parse(data, url: siteURL, maxInflatedBytes: 100)
        }
    }

    @Test func dateWindowFilters() throws {
        let window = DateWindow(start: FeedFixtures.date("2024-03-01T00:00:00Z"), end: FeedFixtures.date("2024-03-10T00:00:00Z"))
        let sitemap = try SitemapParser.parse(try FeedFixtures.data("sitemaps/urlset.xml"), url: siteURL, window: window)
        #expect(sitemap.entries.map(\.loc.lastPathComponent) == ["new-bus-routes", "about"])
        #expect(sitemap.outsideWindow == 2)
        let strict = DateWindow(start: window.start, end: window.end, includesUndated: false)
        let datedOnly = try SitemapParser.parse(try FeedFixtures.data("sitemaps/urlset.xml"), url: siteURL, window: strict)
        #expect(datedOnly.entries.map(\.loc.lastPathComponent) == ["new-bus-routes"])
    }

    @Test func googleNewsExtension() throws {
        let sitemap = try SitemapParser.parse(try FeedFixtures.data("sitemaps/news-sitemap.xml"), url: siteURL)
        #expect(sitemap.entries.count == 2)
        let news = try #require(sitemap.entries[0].news)
        #expect(news.title == "Nuovo molo inaugurato & aperto al pubblico")
        #expect(news.language == "it")
        #expect(news.publicationName == "La Gazzetta del Porto")
        #expect(news.publicationDate == FeedFixtures.date("2024-03-15T07:00:00Z"))
        #expect(news.keywords == ["porto", "molo", "inaugurazione"])
        // The window uses the publication date before lastmod.
        let second = sitemap.entries[1]
        #expect(second.date == FeedFixtures.date("2024-03-14T00:00:00Z"))
        let window = DateWindow(end: FeedFixtures.date("2024-03-14T12:00:00Z"))
        let filtered = try SitemapParser.parse(try FeedFixtures.data("sitemaps/news-sitemap.xml"), url: siteURL, window: window)
        #expect(filtered.entries.map(\.loc.lastPathComponent) == ["regata-rinviata"])
    }

    @Test func sitemapIndexChildren() throws {
        let window = DateWindow(start: FeedFixtures.date("2024-01-01T00:00:00Z"))
        let index = try SitemapParser.parse(try FeedFixtures.data("sitemaps/sitemapindex.xml"), url: siteURL, window: window)
        #expect(index.kind == .sitemapIndex)
        #expect(
            index.sitemaps.map(\.loc.absoluteString) == [
                "https://www.harbourview-gazette.example/sitemaps/2024-03.xml",
                "https://www.harbourview-gazette.example/sitemaps/2024-02.xml.gz",
                "https://www.harbourview-gazette.example/sitemaps/news.xml",
            ])
        // 2023-12 was last modified before the window opened.
        #expect(index.outsideWindow == 1)
    }

    @Test func notASitemap() throws {
        #expect(throws: SitemapError.notASitemap(detected: "feed")) {
            try SitemapParser.parse(try FeedFixtures.data("feeds/rss092.xml"), url: siteURL)
        }
        #expect(throws: SitemapError.notASitemap(detected: "HTML page")) {
            try SitemapParser.parse(try FeedFixtures.data("feeds/html-served.html"), url: siteURL)
        }
        #expect(throws: SitemapError.emptyDocument) { try SitemapParser.parse(Data(), url: siteURL) }
    }

    @Test func sitemapEntityBombRejected() {
        let xml = """
            <?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example/&b;</loc></url></urlset>
            """
        #expect(throws: SitemapError.entityExpansionLimit) {
            try SitemapParser.parse(Data(xml.utf8), url: siteURL)
        }
    }
}
