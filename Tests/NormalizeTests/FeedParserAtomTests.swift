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
