import Foundation
import Testing
@testable import Normalize

/// Readers' comments without class names follow the article in plain blocks; the line that
/// opens them ends the body. A comment count beside the lead does not.
@Suite("Article comment section")
struct ArticleCommentSectionTests {
    static let prose = ArticleBodyRecallTests.prose

    static func page(_ after: String, before: String = "") -> String {
        """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>Bridge contract awarded</title></head>
        <body><div>\(before)\(prose.map { "<p>\($0)</p>" }.joined())
        \(after)</div></body></html>
        """
    }

    static let thread = """
        <div><div>#1 comment from harbourfan</div><div>March 26, 2024, 16:19</div><p>Thanks for the update, the ferry has been a lifeline for us on the quay.</p></div>
        <div><div>#2 comment from quaysider</div><div>March 26, 2024, 17:02</div><p>About time too, the old bridge was closed for far too long.</p></div>
        """

    @Test(arguments: ["Kommentare", "12 Comments", "Commentaires (2)", "Reader comments:", "Komentáře (4)", "Σχόλια",
                      "תגובות", "التعليقات (3)", "댓글 5", "コメント", "Leave a Reply Cancel reply", "Kommentar verfassen",
                      "Join the Conversation"])
    func commentHeadingEndsTheBody(_ heading: String) {
        let lines = ArticleFixtureLoader.extract(html: Self.page("<div>\(heading)</div>\(Self.thread)")).bodyLines
        #expect(lines.contains(Self.prose[4]))
        #expect(!lines.contains { $0.contains("lifeline") || $0.contains("harbourfan") })
    }

    /// The next article's heading ends the body too, and its teaser goes with it.
    @Test func nextArticleHeadingEndsTheBody() {
        let teaser = "<p>On Thursday the ferry company announced a new timetable for the winter, with fewer crossings after nine in the evening.</p>"
        let lines = ArticleFixtureLoader.extract(html: Self.page("<div>Vorschau auf den nächsten Artikel</div>\(teaser)")).bodyLines
        #expect(lines.contains(Self.prose[4]))
        #expect(!lines.contains { $0.contains("winter") })
    }

    /// A press release's contact block and a column's biography end the body as well.
    @Test(arguments: ["Pressekontakt", "About the author"])
    func trailerHeadingEndsTheBody(_ heading: String) {
        let trailer = "<p>Jana Roewer writes about the harbour, the ferries and the people who depend on them, and has done so for twelve years.</p><p>Telefon: 040 123 45 67</p>"
        let lines = ArticleFixtureLoader.extract(html: Self.page("<div>\(heading)</div>\(trailer)")).bodyLines
        #expect(lines.contains(Self.prose[4]))
        #expect(!lines.contains { $0.contains("twelve years") || $0.contains("Telefon") })
    }

    /// A post's meta line with a comment count at the top of the body is not prose.
    @Test func postMetaLineWithACommentCountIsDropped() {
        let meta = "<p>Freitag | 14. Juni 2019 | 15:49 VON Jana Roewer IN Hafen | 0 COMMENTS</p>"
        let lines = ArticleFixtureLoader.extract(html: Self.page("", before: meta)).bodyLines
        #expect(lines.first == Self.prose[0])
        #expect(LineFilter.isPostMeta("Jan 3, 2024 · Politics · 12 Kommentare"))
        #expect(!LineFilter.isPostMeta("Harbour | Ferry | Bridge"))
    }

    @Test func commentCountBesideTheLeadIsNotTheEnd() {
        let lines = ArticleFixtureLoader.extract(html: Self.page("", before: "<p>\(Self.prose[1]) \(Self.prose[2])</p><div>12 Comments</div>")).bodyLines
        #expect(lines.contains(Self.prose[4]))
    }

    @Test func headingKeyDropsCountsAndBrackets() {
        #expect(LineFilter.headingKey("Kommentare (3)") == "kommentare")
        #expect(LineFilter.headingKey("12 Comments") == "comments")
        #expect(LineFilter.headingKey("Readers’ comments:") == "readers comments")
    }
}
