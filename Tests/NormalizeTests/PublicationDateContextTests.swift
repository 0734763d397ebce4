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

    @Test func aDateInsideTheParagraphsSentenceIsMentioned() throws {
        let (tree, node) = try #require(Self.textNode(
            "<p>Both men were sentenced at Crown Court on Friday 27th October 2023.</p>", "October"))
        let start = try #require(Self.offset(of: "Friday", in: tree, node))
        #expect(SentenceContext.isMentioned(tree, node, at: start))
        // The sentence runs on from text before a link, in another language.
        let (german, text) = try #require(Self.textNode("""
            <p>Abgestimmt wurde über den <em>Entwurf</em>. Eben jene Entscheidung, die den am 28.12.2012 in Kraft \
            getretenen Paragrafen einführte, fiel knapp.</p>
            """, "28.12.2012"))
        #expect(SentenceContext.isMentioned(german, text, at: try #require(Self.offset(of: "28.12", in: german, text))))
        // Few words before the date, but the sentence runs on after it.
        let (runOn, node3) = try #require(Self.textNode(
            "<p>Mit der am 15. Januar 2022 in Kraft getretenen Verordnung gilt der Nachweis nur noch drei Monate.</p>", "Januar"))
        let start3 = try #require(Self.offset(of: "15. Januar", in: runOn, node3))
        let end3 = try #require(Self.offset(of: " in Kraft", in: runOn, node3))
        #expect(SentenceContext.isMentioned(runOn, node3, at: start3, end: end3))
        #expect(!SentenceContext.isMentioned(runOn, node3, at: start3))
    }

    @Test func aBylineWithItsDateIsNotASentence() throws {
        // Names before the date, not a sentence's words; "a.m." is no full stop.
        let (tree, node) = try #require(Self.textNode("""
            <p>By <a href="/a">Matthew Digby</a>, <a href="/b">Minh Do</a> \
            <span>on Monday, November 18th, 2019 at 11:08 a.m.</span></p>
            """, "November"))
        #expect(!SentenceContext.isMentioned(tree, node, at: try #require(Self.offset(of: "Monday", in: tree, node))))
        // A label and few words.
        let (posted, text) = try #require(Self.textNode("<p>This story was posted on March 3, 2020.</p>", "March"))
        #expect(!SentenceContext.isMentioned(posted, text, at: try #require(Self.offset(of: "March", in: posted, text))))
        // No full stop at the end: a dateline, however many words come first.
        let (line, third) = try #require(Self.textNode(
            "<p>von unserer Redakteurin in der Stadt und im Kreis am 3. März 2020</p>", "März"))
        #expect(!SentenceContext.isMentioned(line, third, at: try #require(Self.offset(of: "3. März", in: line, third))))
    }

    @Test func aMentionedDateDoesNotDateThePage() {
        // Only an "Updated" date under the headline; the sentence's date is not the publication.
        let body = """
            <h1>Lengthy sentences for two dealers</h1>
            <div class="meta"><time class="entry-date updated">9 November 2023</time></div>
            <p>Two men have been jailed after police found drugs and cash at an address in the town.</p>
            <p>Both men were sentenced at Crown Court on Friday 27th October 2023.</p>
            """
        #expect(Page.published(body: body) == "2023-11-09")
        // And the URL's day beats it on a page with no other date.
        let story = """
            <h1>Drei Jahre Gesetz</h1>
            <p>Eben jene Entscheidung, die den am 28.12.2012 in Kraft getretenen Paragrafen einführte, fiel knapp.</p>
            """
        #expect(Page.published(body: story, lang: "de", url: "https://blog.example.org/2015/12/12/drei-jahre/") == "2015-12-12")
    }

    @Test func aQuotedPostsDateDatesThePostNotThePage() throws {
        let tweet = """
            <blockquote class="embed"><p>The ad is here.</p><p>— Shop (@shop) \
            <a href="https://social.example/shop/status/1">November 1, 2023</a></p></blockquote>
            """
        let (tree, node) = try #require(Self.textNode(tweet, "November 1"))
        #expect(SentenceContext.isQuotedPostLink(tree, node))
        // A date in a link outside any quote is the page's own (a permalink).
        let (plain, text) = try #require(Self.textNode("<p><a href=\"/p\">November 1, 2023</a></p>", "November 1"))
        #expect(!SentenceContext.isQuotedPostLink(plain, text))
        let body = """
            <h1>Everyone loves the Christmas ad</h1>
            <p class="byline">Jo Writer. Updated November 3rd, 2023</p>
            \(tweet)
            """
        #expect(Page.published(body: body, url: "https://news.example.com/2023/11/03/christmas-ad/") == "2023-11-03")
    }

    /// Byte offset in the tree's text of `needle` within text node `node`.
    static func offset(of needle: String, in tree: HTMLTree, _ node: Int32) -> Int? {
        let item = tree.nodes[Int(node)]
        let bytes = Array(tree.text[Int(item.start)..<Int(item.end)])
        let target = Array(needle.utf8)
        guard bytes.count >= target.count else { return nil }
        return (0...(bytes.count - target.count)).first { Array(bytes[$0..<$0 + target.count]) == target }
            .map { Int(item.start) + $0 }
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
