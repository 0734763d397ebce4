import Foundation
import Normalize
import Testing

@Suite struct FeedParserAtomTests {
    @Test func atomFeedMetadataWithXMLBase() throws {
        let feed = try FeedFixtures.feed("atom10.xml", url: "https://feeds.northwind.example/tech")
        #expect(feed.format == .atom)
        #expect(feed.title == "Northwind Times Tech")
        #expect(feed.language == "en")
        // Relative to xml:base on the root, not to the feed URL.
        #expect(feed.siteLink?.absoluteString == "https://tech.northwind-times.example/tech/")
        #expect(feed.previousArchive?.absoluteString == "https://tech.northwind-times.example/archive/2024/01.xml")
    }

    @Test func atomEntryFields() throws {
        let entry = try FeedFixtures.feed("atom10.xml").entries[0]
        #expect(entry.link?.absoluteString == "https://tech.northwind-times.example/tech/2024/03/15/aurora-5-review")
        #expect(entry.guid == "tag:northwind-times.example,2024:tech/88231")
        #expect(entry.published?.timeIntervalSince1970 == FeedFixtures.date("2024-03-15T07:30:00Z").timeIntervalSince1970 + 0.25)
        #expect(entry.updated == FeedFixtures.date("2024-03-15T09:02:44Z"))
        #expect(entry.authors == ["Mei Chen", "Jonas Berg"])
        #expect(entry.categories == ["Reviews", "phones"])
        #expect(entry.summary == "<p>Great battery, <em>average</em> camera.</p>")
        #expect(entry.language == "en")
        let content = try #require(entry.content)
        #expect(content.contains("<p>The Aurora 5 is <strong>the</strong> phone to beat.</p>"))
        #expect(content.contains("camera &amp; screen"))
    }

    @Test func entryXMLBaseAndLangAndSourceSkipped() throws {
        let entry = try FeedFixtures.feed("atom10.xml").entries[1]
        #expect(entry.link?.absoluteString == "https://tech.northwind-times.example/tech/2024/03/14/chip-plant-opens")
        #expect(entry.language == "en-US")
        // The `source` element's title must not replace the entry's.
        #expect(entry.title == "Chipmaker opens plant in the north")
        // No author of its own: the feed's author is inherited.
        #expect(entry.authors == ["Northwind Times Tech Desk"])
        #expect(entry.published == nil)
        #expect(entry.date == FeedFixtures.date("2024-03-14T16:20:00Z"))
    }

    @Test func htmlAlternatePreferredAndMissingZoneIsUTC() throws {
        let entry = try FeedFixtures.feed("atom10.xml").entries[2]
        #expect(entry.link?.absoluteString == "https://tech.northwind-times.example/tech/2024/03/13/open-source-maintainers-lisbon")
        #expect(entry.published == FeedFixtures.date("2024-03-13T08:00:00Z"))
    }

    @Test func atom03Tolerated() throws {
        let feed = try FeedFixtures.feed("atom03.xml")
        #expect(feed.format == .atom03)
        #expect(feed.siteLink?.absoluteString == "http://oldtown-blog.example/")
        #expect(feed.entries.count == 2)
        let first = feed.entries[0]
        #expect(first.published == FeedFixtures.date("2005-11-09T09:00:00Z"))
        #expect(first.updated == FeedFixtures.date("2005-11-09T11:56:34Z"))
        #expect(first.authors == ["Ruth Meyer"])
        #expect(first.content == "<p>Scaffolding went up this morning around the fountain.</p>")
        #expect(feed.entries[1].content == "The rye loaf won first prize.")
    }
}

@Suite("Feeds as the wild writes them")
struct FeedWildInputTests {
    private func parse(_ text: String) throws -> ParsedFeed {
        try FeedParser.parse(Data(text.utf8), url: URL(string: "https://x.example/feed")!)
    }

    @Test func atomTextKeepsLiteralAngleBracketsWhileHTMLAndEscapedContentAreMarkup() throws {
        let feed = try parse("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id><updated>2026-11-20T08:00:00Z</updated>
            <entry><title type="text">Why 3 &lt; 5 and &lt;b&gt; is
              not bold</title><id>urn:t:1</id><link href="https://x.example/1"/><updated>2026-11-20T08:00:00Z</updated></entry>
            <entry><title type="html">&lt;b&gt;Bold&lt;/b&gt; news</title><id>urn:t:2</id><link href="https://x.example/2"/><updated>2026-11-20T08:00:00Z</updated></entry>
            </feed>
            """)
        #expect(feed.entries.map(\.title) == ["Why 3 < 5 and <b> is not bold", "Bold news"])
    }

    @Test func atom03EscapedModeIsMarkup() throws {
        let feed = try parse("""
            <?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>T</title>
            <entry><title mode="escaped">&lt;i&gt;Quoted&lt;/i&gt; title</title><id>tag:x,2004:1</id>
            <link rel="alternate" type="text/html" href="https://x.example/1"/><issued>2004-05-01T10:00:00Z</issued></entry></feed>
            """)
        #expect(feed.entries.first?.title == "Quoted title")
    }

    @Test func rss10ItemsAreIdentifiedByRdfAbout() throws {
        let feed = try parse("""
            <?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
            <channel rdf:about="https://x.example/"><title>T</title><link>https://x.example/</link></channel>
            <item rdf:about="https://x.example/item-1"><title>One</title><link>https://x.example/item-1?ref=feed</link></item>
            </rdf:RDF>
            """)
        #expect(feed.entries.first?.guid == "https://x.example/item-1")
    }
}
