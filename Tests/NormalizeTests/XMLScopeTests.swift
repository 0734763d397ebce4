import Foundation
import Testing

@testable import Normalize

/// `xml:base` and `xml:lang` are kept in a table apart from the events (`XMLScopes`), compacted
/// whenever the reader has taken every queued event; these feeds are long enough that scopes
/// open in one 64 KiB chunk and are read in the next.
@Suite struct XMLScopeTests {
    /// An Atom feed of `count` entries: every third entry sets its own `xml:base` and `xml:lang`,
    /// and its link sits inside a `div` of its own base one level further down (Atom ignores
    /// the div, but the base of the `link` element inside it still comes from both).
    static func feed(count: Int) -> Data {
        var xml = #"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://root.example/news/" xml:lang="en"><title>T</title>"#
        for index in 0..<count {
            let filler = String(repeating: "word ", count: 40)
            if index % 3 == 0 {
                xml += #"<entry xml:base="/section-\#(index)/" xml:lang="de-\#(index)"><id>urn:\#(index)</id><link href="story-\#(index)"/><summary>\#(filler)</summary></entry>"#
            } else {
                xml += #"<entry><id>urn:\#(index)</id><link href="story-\#(index)"/><summary>\#(filler)</summary></entry>"#
            }
        }
        return Data((xml + "</feed>").utf8)
    }

    @Test func baseAndLanguageHoldAcrossChunks() throws {
        let count = 900
        let data = Self.feed(count: count)
        #expect(data.count > 3 * XMLReader.chunkSize)
        let feed = try FeedParser.parse(data, url: URL(string: "https://feeds.example/atom.xml")!)
        #expect(feed.entries.count == count)
        for (index, entry) in feed.entries.enumerated() {
            if index % 3 == 0 {
                #expect(entry.link?.absoluteString == "https://root.example/section-\(index)/story-\(index)")
                #expect(entry.language == "de-\(index)")
            } else {
                #expect(entry.link?.absoluteString == "https://root.example/news/story-\(index)")
                #expect(entry.language == "en")
            }
        }
    }

    @Test func anEmptyLanguageClearsTheInheritedOne() throws {
        let xml = #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr"><entry xml:lang=""><id>a</id></entry><entry><id>b</id></entry></feed>"#
        let feed = try FeedParser.parse(Data(xml.utf8), url: URL(string: "https://feeds.example/")!)
        #expect(feed.entries.map(\.language) == [nil, "fr"])
    }

    @Test func scopeTableStaysAsDeepAsTheNesting() {
        var scopes = XMLScopes(documentURL: URL(string: "https://a.example/"))
        for index in 0..<1000 {
            let row = scopes.push(base: "/p\(index)/", language: nil)
            #expect(scopes.base(row)?.absoluteString == "https://a.example/p\(index)/")
            scopes.pop()
            scopes.compact()
        }
        let outer = scopes.push(base: "x/", language: "nl")
        let inner = scopes.push(base: nil, language: nil)
        #expect(inner == outer)
        scopes.compact()
        #expect(scopes.base(inner)?.absoluteString == "https://a.example/x/")
        #expect(scopes.language(inner) == "nl")
        #expect(scopes.depth == 2)
    }

    /// libxml2 reports text broken at every entity reference; it reaches the parser as one run.
    @Test func textInPiecesIsOneRun() throws {
        let pieces = (0..<200).map { "&lt;p&gt;part \($0) &amp; more&lt;/p&gt;" }.joined()
        let xml = #"<rss version="2.0"><channel><item><link>https://a.example/1</link><description>\#(pieces)</description></item></channel></rss>"#
        let reader = try XMLReader(data: Data(xml.utf8), url: nil)
        var texts = 0
        while reader.read() {
            if reader.kind == .text, reader.value?.contains("part 199") == true {
                texts += 1
                #expect(reader.value?.hasPrefix("<p>part 0 & more</p>") == true)
            }
        }
        #expect(texts == 1)
    }
}
