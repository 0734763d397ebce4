import Foundation
import Normalize
import Testing

@Suite struct FeedHostileInputTests {
    let url = URL(string: "https://hostile.example/feed")!

    @Test func malformedXMLRecoversAndWarns() throws {
        let feed = try FeedFixtures.feed("malformed.xml")
        #expect(feed.entries.count >= 2)
        // A bare `&` is kept, not silently dropped.
        #expect(feed.entries[0].title == "Mayor & council clash over budget")
        #expect(feed.entries[0].published == FeedFixtures.date("2024-03-10T12:00:00Z"))
        #expect(feed.warnings.contains { $0.message.contains("mismatch") && $0.line == 12 })
    }

    @Test func undeclaredHTMLEntitiesKeepTheirCharacters() throws {
        let xml = #"<rss version="2.0"><channel><item><title>Route announced&nbsp;&mdash; runners react</title></item></channel></rss>"#
        let feed = try FeedParser.parse(Data(xml.utf8), url: url)
        #expect(feed.entries.first?.title == "Route announced — runners react")
    }

    @Test func declaredUTF8ButWindows1252() throws {
        let feed = try FeedFixtures.feed("wrong-encoding.xml")
        #expect(feed.title == "Café Society")
        #expect(feed.entries.first?.title == "“Best café in town” closes")
        #expect(feed.warnings.contains { $0.message.contains("windows-1252") })
    }

    @Test func declaredLatin1ButUTF8() throws {
        let feed = try FeedFixtures.feed("utf8-declared-latin1.xml")
        #expect(feed.title == "Zürich Zeitung")
        #expect(feed.entries.first?.title == "Öffnungszeiten für Museen geändert")
    }

    @Test func externalEntitiesAreNeverResolved() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-secret-\(UUID()).txt")
        try Data("TOP-SECRET-MARKER".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "\(secret.absoluteString)"> <!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote; ]>
            <rss version="2.0"><channel><title>t &xxe;</title>
            <item><title>a &xxe; b</title><link>https://hostile.example/a</link><description>&xxe;</description></item>
            </channel></rss>
            """
        let feed = try FeedParser.parse(Data(xml.utf8), url: url)
        #expect(feed.entries.count == 1)
        let everything = [feed.title ?? "", feed.entries[0].title ?? "", feed.entries[0].summary ?? ""].joined()
        #expect(!everything.contains("TOP-SECRET-MARKER"))
        #expect(feed.warnings.contains { $0.message.contains("external entity") })
    }

    @Test func billionLaughsIsRejectedQuickly() {
        #expect(throws: FeedError.entityExpansionLimit) {
            try FeedFixtures.feed("bomb.xml")
        }
    }

    @Test func quadraticBlowupIsRejected() throws {
        // One 50 kB entity referenced 20,000 times: 1 GB if expanded. Copydesk never expands it,
        // and libxml2's own limit (no XML_PARSE_HUGE) stops the flood of references.
        let big = String(repeating: "x", count: 50_000)
        let references = String(repeating: "&big;", count: 20_000)
        let xml = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "\(big)">]>
            <rss version="2.0"><channel><item><title>\(references)</title><link>https://hostile.example/q</link></item></channel></rss>
            """
        #expect(throws: FeedError.entityExpansionLimit) {
            try FeedParser.parse(Data(xml.utf8), url: url)
        }
    }

    @Test func declaredEntityIsNotExpanded() throws {
        let xml = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY company "Initech Corporation">]>
            <rss version="2.0"><channel><item><title>News from &company;</title></item></channel></rss>
            """
        let feed = try FeedParser.parse(Data(xml.utf8), url: url)
        #expect(feed.entries.first?.title == "News from")
    }

    @Test func htmlServedInsteadOfAFeed() {
        #expect(throws: FeedError.notAFeed(detected: "HTML page")) {
            try FeedFixtures.feed("html-served.html")
        }
        // Without a doctype, caught at the root element.
        #expect(throws: FeedError.notAFeed(detected: "HTML page")) {
            try FeedParser.parse(Data("<html><body>Moved</body></html>".utf8), url: url)
        }
    }

    @Test func sitemapIsNotAFeed() throws {
        #expect(throws: FeedError.notAFeed(detected: "sitemap")) {
            try FeedParser.parse(try FeedFixtures.data("sitemaps/urlset.xml"), url: url)
        }
    }

    @Test func emptyAndGarbageDocuments() {
        #expect(throws: FeedError.emptyDocument) { try FeedParser.parse(Data(), url: url) }
        #expect(throws: FeedError.emptyDocument) { try FeedParser.parse(Data("  \n\t ".utf8), url: url) }
        #expect(throws: FeedError.malformed("neither XML nor JSON")) {
            try FeedParser.parse(Data([0x00, 0x01, 0xFF, 0x42, 0x13]), url: url)
        }
        #expect(throws: FeedError.notAFeed(detected: "XML document with root <svg>")) {
            try FeedParser.parse(Data("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8), url: url)
        }
    }

    @Test func junkBeforeTheXMLIsSkipped() throws {
        let feed = try FeedFixtures.feed("junk-prefix.xml")
        #expect(feed.entries.map(\.title) == ["Still parsed"])
        #expect(feed.warnings.contains { $0.message.contains("junk") })
    }

    @Test func duplicatesByLinkAreDropped() throws {
        let xml = """
            <rss version="2.0"><channel>
            <item><title>One</title><link>https://hostile.example/a</link><guid>1</guid></item>
            <item><title>One again</title><link>https://hostile.example/a</link><guid>2</guid></item>
            <item><title>Two</title><link>https://hostile.example/b</link></item>
            </channel></rss>
            """
        let feed = try FeedParser.parse(Data(xml.utf8), url: url)
        #expect(feed.entries.map(\.title) == ["One", "Two"])
    }

    @Test func unsafeLinkSchemesAreDropped() throws {
        let xml = #"<rss version="2.0"><channel><item><title>x</title><link>javascript:alert(1)</link></item></channel></rss>"#
        let feed = try FeedParser.parse(Data(xml.utf8), url: url)
        #expect(feed.entries.first?.link == nil)
    }

    @Test func truncatedDocumentKeepsCompleteEntries() throws {
        var xml = try String(contentsOf: FeedFixtures.url("feeds/rss2-news.xml"), encoding: .utf8)
        xml = String(xml.prefix(upTo: xml.range(of: "<title>Lifeboat")!.lowerBound))
        let feed = try FeedParser.parse(Data(xml.utf8), url: url)
        #expect(feed.entries.count >= 3)
        #expect(!feed.warnings.isEmpty)
    }
}
