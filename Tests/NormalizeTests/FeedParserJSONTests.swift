import Foundation
import Normalize
import Testing

@Suite struct FeedParserJSONTests {
    @Test func jsonFeed11() throws {
        let feed = try FeedFixtures.feed("jsonfeed11.json", url: "https://coastline-notes.example/feed.json")
        #expect(feed.format == .jsonFeed)
        #expect(feed.title == "Coastline Podcast Notes")
        #expect(feed.language == "en-AU")
        #expect(feed.entries.count == 2)
        #expect(feed.warnings.contains { $0.message.contains("duplicate") })
        let first = feed.entries[0]
        #expect(first.link?.absoluteString == "https://coastline-notes.example/2024/03/15/king-tides-explained")
        #expect(first.guid == "2024-03-15-tides")
        #expect(first.published == FeedFixtures.date("2024-03-14T20:00:00Z"))
        #expect(first.updated == FeedFixtures.date("2024-03-14T22:00:00Z"))
        #expect(first.authors == ["Grace Holt"])
        #expect(first.categories == ["oceans", "explainers"])
        #expect(first.content == "<p>Why the highest tides of the year arrive in summer.</p>")
        #expect(first.summary == "Why the highest tides arrive in summer.")
        #expect(first.language == "en-AU")
        let second = feed.entries[1]
        #expect(second.guid == "1042")
        #expect(second.link?.absoluteString == "https://other-site.example/reef-survey")
        #expect(second.authors == ["Coastline Team"])
        #expect(second.content == "Worth reading in full.")
    }

    @Test func jsonFeed10SingleAuthor() throws {
        let feed = try FeedFixtures.feed("jsonfeed10.json")
        #expect(feed.entries.count == 2)
        #expect(feed.entries[0].authors == ["Dana Ruiz"])
        #expect(feed.entries[1].authors == ["Maple Street Staff"])
        #expect(feed.entries[0].published == FeedFixtures.date("2024-01-09T11:15:00Z"))
    }

    @Test func otherJSONIsNotAFeed() {
        #expect(throws: FeedError.notAFeed(detected: "JSON without a JSON Feed version")) {
            try FeedParser.parse(Data(#"{"status": "ok", "data": []}"#.utf8), url: URL(string: "https://api.example/x")!)
        }
    }
}
