import Foundation
import Normalize
import Testing

/// `&amp;` inside an attribute is an ampersand: feed links with query strings stay whole.
@Suite("XML: escaped ampersands in attributes")
struct XMLAttributeEscapeTests {
    @Test func atomLinkWithEscapedAmpersandKeepsItsWholeQuery() throws {
        let atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id><updated>2026-11-20T08:00:00Z</updated>
            <entry><title>A</title><id>urn:t:1</id><link href="https://x.example/story?id=7&amp;page=2"/>
            <updated>2026-11-20T08:00:00Z</updated></entry></feed>
            """
        let feed = try FeedParser.parse(Data(atom.utf8), url: URL(string: "https://x.example/feed")!)
        #expect(feed.entries.first?.link?.absoluteString == "https://x.example/story?id=7&page=2")
    }

    @Test func opmlTitlesAndAddressesAreUnescaped() throws {
        let opml = #"<opml version="2.0"><body><outline text="Tom &amp; Jerry &lt;3" xmlUrl="https://x.example/rss?a=1&amp;b=2"/></body></opml>"#
        let feed = try #require(try OPMLReader.read(Data(opml.utf8)).feeds.first)
        #expect(feed.title == "Tom & Jerry <3")
        #expect(feed.url == "https://x.example/rss?a=1&b=2")
    }
}
