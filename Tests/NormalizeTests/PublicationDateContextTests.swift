import Foundation
import Testing
@testable import Normalize

/// Where a date stands decides what it is: a dateline, something the article mentions, or a
/// trace of the page's date that only its raw markup keeps.
@Suite("Publication date context")
struct PublicationDateContextTests {
    typealias Page = PublicationDateSignalsTests

    /// The HTML of a paragraph and the tree it parses to, with the first text node holding `needle`.
    static func textNode(_ html: String, _ needle: String) -> (HTMLTree, Int32)? {
        let tree = HTMLParser.parse(utf8: Array(html.utf8))
        guard let index = tree.nodes.indices.first(where: { index in
            tree.nodes[index].tag == .text && String(decoding: tree.text[Int(tree.nodes[index].start)..<Int(tree.nodes[index].end)],
                                                    as: UTF8.self).contains(needle)
        }) else { return nil }
        return (tree, Int32(index))
    }

    @Test func aLinkInRunningTextIsPartOfASentence() throws {
        let (tree, node) = try #require(Self.textNode("""
            <p>The figures come from the <a href="/r">report of 25 February 2020</a>, which counted cases in more
            than thirty countries and on a cruise ship.</p>
            """, "25 February"))
        #expect(SentenceContext.isInline(tree, node))
    }

    @Test func aDatelineParagraphIsNotASentence() throws {
        let (tree, node) = try #require(Self.textNode(
            "<p>Posted on <a href=\"/p\">March 3, 2020</a> by <a href=\"/a\">Jane Roe</a></p>", "March 3"))
        #expect(!SentenceContext.isInline(tree, node))
        // Not inside an inline element at all: a paragraph of its own.
        let (plain, text) = try #require(Self.textNode("<div><p>March 3, 2020</p></div>", "March 3"))
        #expect(!SentenceContext.isInline(plain, text))
    }

    @Test func aDateMentionedInALinkDoesNotDateThePage() {
        // The report's date sits in a short link right under the headline; the page's own
        // date is the "Stand" (as-of) line.
        let body = """
            <h1>Can the outbreak be contained?</h1>
            <p><em>Stand: 26. Februar 2020, 12:30 Uhr.</em></p>
            <p>Nach Angaben des <a href="/who">Lageberichts vom 25. Februar 2020</a> gab es außerhalb von China
            2459 Erkrankte in mehr als 30 Ländern und auf einem Kreuzfahrtschiff.</p>
            """
        #expect(Page.published(body: body, lang: "de") == "2020-02-26")
    }
}

/// `RawTimestamp`: the last resort read from the raw markup.
@Suite("Publication date raw timestamp")
struct PublicationDateRawTimestampTests {
    static func first(_ html: String, latestYear: Int = 2030) -> String? {
        RawTimestamp.first(in: Data(html.utf8)) { $0.year >= 1995 && $0.year <= latestYear }
            .map { String(format: "%04d-%02d-%02d", $0.year, $0.month, $0.day) }
    }

    @Test func findsATimestampInAScriptOrAnAttribute() {
        #expect(Self.first("<td><script>showDate(\"2020/04/17 01:43:09\")</script></td>") == "2020-04-17")
        #expect(Self.first("<div data-time=\"2019-10-19T11:42:00Z\"></div>") == "2019-10-19")
    }

    @Test func aDateWithoutATimeOrWithMixedSeparatorsIsNotOne() {
        #expect(Self.first("<a href=\"/archive/2019-10-19/\">v2019-10-19</a>") == nil)
        #expect(Self.first("<span>2019-10/19 11:42</span>") == nil)
        // Part of a longer number.
        #expect(Self.first("<span>id 12019-10-19 11:42</span>") == nil)
    }

    @Test func theFirstPlausibleOneWins() {
        #expect(Self.first("<p>2041-01-01 10:00</p><p>2018-03-04 09:15</p><p>2017-01-01 10:00</p>") == "2018-03-04")
    }

    @Test func onlyAPageWithNoOtherDateUsesIt() {
        let script = "<script>var state = {created: \"2018-06-02 08:30:00\"};</script>"
        #expect(PublicationDateSignalsTests.published(body: "<h1>Story</h1>\(script)") == "2018-06-02")
        // A dateline under the headline outranks it.
        #expect(PublicationDateSignalsTests.published(
            body: "<h1>Story</h1><p class=\"date\">3 March 2020</p>\(script)") == "2020-03-03")
    }
}

/// A counted-back date ("vor 3 Stunden") needs the fetch time it counts from.
@Suite("Publication date reference time")
struct PublicationDateReferenceTests {
    static func published(_ body: String, fetchedAt: Date?) -> Date? {
        let html = "<html lang=\"de\"><head><title>Story</title></head><body>\(body)</body></html>"
        return ArticleExtractor().extract(ArticleInput(html: Data(html.utf8), fetchedAt: fetchedAt)).published
    }

    @Test func aRelativeDateIsOnlyReadAgainstAKnownFetchTime() {
        let body = "<h1>Story</h1><span class=\"time\">vor 3 Stunden</span><p>Text.</p>"
        #expect(PublicationDateSignalsTests.day(Self.published(body, fetchedAt: PublicationDateSignalsTests.fetchedAt))
                == "2024-05-10")
        // A stored page read later: "3 hours ago" names no day.
        #expect(Self.published(body, fetchedAt: nil) == nil)
    }

    @Test func withoutAFetchTimeTheFallbackStillRuns() {
        // The page-wide pass finds the date in the footer once the relative one is set aside.
        let body = "<h1>Story</h1><span class=\"time\">vor 3 Stunden</span><p>Text.</p><footer>Erschienen am 01.11.2023</footer>"
        #expect(PublicationDateSignalsTests.day(Self.published(body, fetchedAt: nil)) == "2023-11-01")
    }
}

/// Dublin Core written as RDFa properties (`dc:date`, `dcterms:modified`) as well as the
/// dotted `<meta name>` form.
@Suite("Publication date Dublin Core in RDFa")
struct PublicationDateRDFaMetaTests {
    @Test(arguments: ["dc:date", "dcterms:issued", "dcterms:created", "dc:created", "dcterms:date"])
    func publicationProperty(name: String) {
        #expect(PublicationDateSignalsTests.published(head: "<meta property=\"\(name)\" content=\"2015-05-05\">")
                == "2015-05-05")
    }

    @Test func modificationPropertyIsTheModifiedDate() {
        let head = "<meta property=\"dc:date\" content=\"2015-05-05\"><meta property=\"dcterms:modified\" content=\"2016-01-02\">"
        let article = PublicationDateSignalsTests.extract(head: head, body: "<h1>Story</h1>")
        #expect(PublicationDateSignalsTests.day(article.published) == "2015-05-05")
        #expect(PublicationDateSignalsTests.day(article.modified) == "2016-01-02")
    }
}
