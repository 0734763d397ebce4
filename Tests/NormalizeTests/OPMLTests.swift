import Foundation
import Normalize
import Testing

/// OPML subscription lists as feed readers export them (fixtures written in the documented
/// shapes of Miniflux, FreshRSS and Feedly exports), broken files, and the writer.
@Suite("OPML source lists")
struct OPMLTests {
    private func read(_ name: String) throws -> OPMLDocument {
        try OPMLReader.read(try FeedFixtures.data("opml/\(name)"))
    }

    @Test func minifluxExportGivesFeedsWithTheirCategoryFolders() throws {
        let document = try read("miniflux.opml")
        #expect(document.title == "Miniflux")
        #expect(document.feeds.map(\.url) == ["https://gazette.example/rss.xml", "https://courier.example/feed/",
                                             "https://labnotes.example/atom.xml"])
        #expect(document.feeds.map(\.folders) == [["World"], ["World"], ["Science"]])
        #expect(document.feeds[1].title == "Valley Courier & Times")
        #expect(document.feeds[0].siteURL == "https://gazette.example/")
        #expect(document.feeds[2].line == 13)
    }

    @Test func freshRSSExportReadsEveryFeedWhateverItsType() throws {
        let document = try read("freshrss.opml")
        // `type` (rss, HTML+XPath, …) is ignored: the pipeline detects the format itself.
        #expect(document.feeds.map(\.title) == ["Harbour Gazette", "Le Petit Écho", "Hill Post"])
        #expect(document.feeds.map(\.folders) == [["Uncategorized"], ["Régional"], ["Régional"]])
    }

    @Test func feedlyExportKeepsNestedFoldersAndUntitledFeeds() throws {
        let document = try read("feedly.opml")
        #expect(document.feeds.map(\.folders) == [["Tech"], ["Tech", "Hardware"], []])
        #expect(document.feeds[2].title.isEmpty)
        #expect(document.feeds[2].url == "https://unfiled.example/rss")
    }

    @Test func brokenFileIsAnErrorWithItsLine() {
        let broken = """
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>x</title></head>
            <body>
              <outline text="a" xmlUrl="https://a.example/rss">
              <outline text="b" xmlUrl="https://b.example/rss"/>
            </body>
            </opml>
            """
        #expect(throws: OPMLError.self) { try OPMLReader.read(Data(broken.utf8)) }
        do {
            _ = try OPMLReader.read(Data(broken.utf8))
        } catch {
            #expect(error.line == 6)
            #expect(error.description.hasPrefix("line 6: not well-formed XML"))
        }
    }

    @Test(arguments: [
        ("<rss version=\"2.0\"><channel/></rss>", "expected an <opml> document, found <rss>"),
        ("<opml version=\"2.0\"><head/></opml>", "the <opml> document has no <body>"),
        ("   ", "empty file: expected an <opml> document"),
    ])
    func notAnOPMLListIsNamed(_ text: String, _ message: String) {
        do {
            _ = try OPMLReader.read(Data(text.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func feedAddressMustBeHTTP() {
        let text = #"<opml version="2.0"><body><outline text="Local" xmlUrl="file:///etc/passwd"/></body></opml>"#
        do {
            _ = try OPMLReader.read(Data(text.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 1)
            #expect(error.message.contains("xmlUrl is not an http(s) URL"))
        }
    }

    @Test func writerOutputReadsBackToTheSameFeeds() throws {
        let feeds = [
            OPMLDocument.Feed(title: "A & B \"News\"", url: "https://a.example/rss?x=1&y=2", siteURL: "https://a.example/"),
            OPMLDocument.Feed(title: "Solder", url: "https://solder.example/index.xml", folders: ["Tech", "Hardware"]),
            OPMLDocument.Feed(title: "Circuit", url: "http://circuit.example/feed", folders: ["Tech", "Hardware"]),
        ]
        let text = OPMLWriter.write(OPMLDocument(title: "Mine", feeds: feeds))
        let back = try OPMLReader.read(Data(text.utf8))
        #expect(back.title == "Mine")
        #expect(back.feeds.map(\.title) == feeds.map(\.title))
        #expect(back.feeds.map(\.url) == feeds.map(\.url))
        #expect(back.feeds.map(\.folders) == [[], ["Tech / Hardware"], ["Tech / Hardware"]])
        #expect(back.feeds[0].siteURL == "https://a.example/")
    }
}
