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
