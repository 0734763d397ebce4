import Foundation
import LoopbackServer
import Normalize
import Testing

@Suite struct FeedParserRSSTests {
    let feedURL = "https://www.harbourview-gazette.example/local/feed/"

    @Test func rss2ChannelMetadata() throws {
        let feed = try FeedFixtures.feed("rss2-news.xml", url: feedURL)
        #expect(feed.format == .rss)
        #expect(feed.title == "The Harbourview Gazette — Local News")
        #expect(feed.siteLink?.absoluteString == "https://www.harbourview-gazette.example/local/")
        #expect(feed.language == "en-GB")
        #expect(feed.ttlMinutes == 30)
        #expect(feed.updatePeriod == .hourly)
        #expect(feed.updateFrequency == 2)
        #expect(
            feed.previousArchive?.absoluteString
                == "https://www.harbourview-gazette.example/local/feed/archive/2024-02.xml")
    }

    @Test func rss2EntriesWithExtensions() throws {
        let feed = try FeedFixtures.feed("rss2-news.xml", url: feedURL)
        // Five items, one a duplicate of the first by guid.
        #expect(feed.entries.count == 4)
        #expect(feed.warnings.contains { $0.message.contains("duplicate") })
        let first = feed.entries[0]
        #expect(
            first.link?.absoluteString
                == "https://www.harbourview-gazette.example/local/2024/03/15/council-approves-harbour-wall-repairs/?utm_source=rss&utm_medium=feed")
        #expect(first.guid == "hvg-article-88121")
        // `&amp;pound;` is a double-escaped entity in a plain-text title.
        #expect(first.title == "Council approves £4m harbour wall repairs after winter storms")
        #expect(first.published == FeedFixtures.date("2024-03-15T05:42:10Z"))
        #expect(first.authors == ["Priya Raman"])
        #expect(first.categories == ["Local", "Council"])
        #expect(first.summary == "<p>The repairs will start in May and should take eleven weeks.</p>")
        #expect(first.content?.hasPrefix("<p>Harbourview council voted") == true)
    }

    @Test func rssAuthorEmailFormAndSloppyDate() throws {
        let entry = try FeedFixtures.feed("rss2-news.xml", url: feedURL).entries[1]
        #expect(entry.authors == ["Tom Okafor"])
        #expect(entry.title == "School inspection rates Bayside Primary “good”")
        // `thu, 14 mar 24 17:05 EST`: lower-case names, two-digit year, no seconds, named zone.
        #expect(entry.published == FeedFixtures.date("2024-03-14T22:05:00Z"))
    }

    @Test func authorFormsDublinCoreCreatorsAndItunesAuthor() throws {
        let rss = """
            <?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
              xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>T</title>
            <item><title>A</title><link>https://x.example/a</link><author>jane@x.example (Jane Roe)</author></item>
            <item><title>B</title><link>https://x.example/b</link><author>John Doe &lt;john@x.example&gt;</author></item>
            <item><title>C</title><link>https://x.example/c</link><dc:creator>Ann One</dc:creator><dc:creator>Bob Two</dc:creator></item>
            <item><title>D</title><link>https://x.example/d</link><itunes:author>Morning Desk</itunes:author></item>
            <item><title>E</title><link>https://x.example/e</link><dc:creator>Eve Five</dc:creator><itunes:author>Morning Desk</itunes:author></item>
            </channel></rss>
            """
        let feed = try FeedParser.parse(Data(rss.utf8), url: URL(string: feedURL)!)
        #expect(feed.entries.map(\.authors) == [["Jane Roe"], ["John Doe"], ["Ann One", "Bob Two"], ["Morning Desk"], ["Eve Five"]])
    }

    @Test func permalinkGuidStandsInForMissingLink() throws {
        let entry = try FeedFixtures.feed("rss2-news.xml", url: feedURL).entries[2]
        #expect(entry.link?.absoluteString == "https://www.harbourview-gazette.example/local/2024/03/13/ferry-easter-timetable/")
        #expect(entry.authors == ["Sam Lee", "Ana Costa"])
        #expect(entry.published == FeedFixtures.date("2024-03-13T08:15:00Z"))
    }

    @Test func relativeLinkResolvedAgainstFinalFeedURL() throws {
        let redirected = "https://www.harbourview-gazette.example/feeds/v2/local.xml"
        let entry = try FeedFixtures.feed("rss2-news.xml", url: redirected).entries[3]
        #expect(entry.link?.absoluteString == "https://www.harbourview-gazette.example/feeds/v2/local/2024/03/12/lifeboat-double-callout/")
        #expect(entry.published == FeedFixtures.date("2024-03-12T23:40:00Z"))
    }

    @Test func rss091WithNetscapeDoctype() throws {
        let feed = try FeedFixtures.feed("rss091.xml")
        #expect(feed.format == .rss)
        #expect(feed.language == "en-us")
        #expect(feed.entries.map(\.title) == ["Grain prices steady ahead of harvest", "Frost warning for low-lying fields"])
        #expect(feed.entries[0].link?.absoluteString == "http://valleyfarmer.example/news/grain-prices-steady-ahead-of-harvest.html")
    }

    @Test func rss092() throws {
        let feed = try FeedFixtures.feed("rss092.xml")
        #expect(feed.entries.count == 1)
        #expect(feed.entries[0].categories == ["Morning Tide"])
        #expect(feed.entries[0].link?.absoluteString == "http://radio-dockside.example/shows/morning-tide/212")
    }

    @Test func rdf10() throws {
        let feed = try FeedFixtures.feed("rdf10.xml")
        #expect(feed.format == .rdf)
        #expect(feed.title == "Science Desk")
        #expect(feed.language == "de")
        #expect(feed.updatePeriod == .daily)
        #expect(feed.updateFrequency == 4)
        #expect(feed.entries.count == 2)
        let first = feed.entries[0]
        #expect(first.title == "Korallenriffe erholen sich schneller als erwartet")
        #expect(first.published == FeedFixtures.date("2024-02-27T07:30:00Z"))
        #expect(first.authors == ["Lena Vogt"])
        #expect(first.categories == ["Meeresbiologie"])
        #expect(first.content == "<p>Forscher beobachteten zwölf Riffe über zehn Jahre.</p>")
        // The image block beside the channel has a title too; it is not an entry.
        #expect(!feed.entries.contains { $0.title == "Science Desk logo" })
        #expect(feed.entries[1].published == FeedFixtures.date("2024-02-26T00:00:00Z"))
    }

    @Test func emptyChannelIsAFeedWithoutEntries() throws {
        let feed = try FeedFixtures.feed("empty-channel.xml")
        #expect(feed.title == "Quiet Hamlet News")
        #expect(feed.entries.isEmpty)
        #expect(feed.warnings.isEmpty)
    }

    @Test func channelImageTitleDoesNotReplaceFeedTitle() throws {
        let feed = try FeedFixtures.feed("rss2-news.xml", url: feedURL)
        #expect(feed.title != "The Harbourview Gazette")
    }

    @Test func gzipCompressedFeed() async throws {
        // The sitemap fixture's gzip shows the path; a feed goes through the same inflater.
        let xml = try FeedFixtures.data("feeds/rss092.xml")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rss092-\(UUID()).xml")
        try xml.write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-k", "-f", path.path]
        try await process.runUntilExit()
        let gz = try Data(contentsOf: URL(fileURLWithPath: path.path + ".gz"))
        defer { try? FileManager.default.removeItem(atPath: path.path + ".gz") }
        let feed = try FeedParser.parse(gz, url: URL(string: "http://radio-dockside.example/rss")!)
        #expect(feed.entries.count == 1)
    }
}
