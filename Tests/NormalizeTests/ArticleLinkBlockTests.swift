import Foundation
import Testing
@testable import Normalize

/// A block of the article holding a table of contents between its paragraphs is link-dense as
/// a whole; its paragraphs are still the article and only the contents box is left out.
@Suite("Article link blocks")
struct ArticleLinkBlockTests {
    static let questions = (1...8).map { "<a href=\"#q\($0)\">Question number \($0) about the works</a><br>" }
    static let before = "Many questions remain open about the bridge works and we have gathered the most common ones here together with the answers that are possible today."
    static let after = "The works begin in September and last about eighteen months according to the council and the contractor who both spoke to us this week."

    static func page(box: String) -> String {
        ArticleFixtureLoader.page(paragraphs: ArticleFixtureLoader.prose, extra: """
            <div class="row"><div class="columns"><p>\(before)</p>\(box)
            <h3 id="q1">When do the works begin?</h3><p>\(after)</p></div></div>
            """)
    }

    @Test func paragraphsBesideAContentsBoxAreKept() {
        let lines = ArticleFixtureLoader.extract(html: Self.page(box: "<div class=\"callout\"><strong>In this article:</strong><br>\(Self.questions.joined())</div>")).bodyLines
        #expect(lines.contains(Self.before))
        #expect(lines.contains(Self.after))
        #expect(!lines.contains { $0.hasPrefix("Question number 3") })
    }

    /// Links spread over the text itself (no block of its own to set aside) still make the
    /// block a link list.
    @Test func linksSpreadOverTheBlockStillDropIt() {
        let spread = Self.questions.map { "<p>\($0) with a line</p>" }.joined()
        let html = ArticleFixtureLoader.page(paragraphs: ArticleFixtureLoader.prose, extra: """
            <div class="row"><div class="columns">\(spread)</div></div>
            """)
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines.contains(ArticleFixtureLoader.prose[2]))
        #expect(!lines.contains { $0.hasPrefix("Question number 3") })
    }
}
