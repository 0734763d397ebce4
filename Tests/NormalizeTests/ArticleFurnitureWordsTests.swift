import Foundation
import Testing
@testable import Normalize

/// Furniture named with readability's other unlikely-candidate words: the comment form of blog
/// engines (`id="respond"`), a reply thread, a supplementary box beside the text.
@Suite("Article furniture words")
struct ArticleFurnitureWordsTests {
    static let prose = ArticleBodyRecallTests.prose

    static func page(after: String) -> String {
        """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>Bridge contract awarded</title></head>
        <body><div id="content"><div class="story">\(prose.map { "<p>\($0)</p>" }.joined())</div>
        \(after)</div>
        <footer><p>Copyright notice for the test site, all rights reserved.</p></footer>
        </body></html>
        """
    }

    @Test func commentFormHeadingStaysOut() {
        let lines = ArticleFixtureLoader.extract(html: Self.page(after: """
            <section id="replys"><div id="respond-wrapper"><div id="respond"><h3>What do you think about it?</h3>
            <p>Your address will not be published, and your words will be read by a moderator first.</p></div></div></section>
            """)).bodyLines
        #expect(lines.contains(Self.prose[4]))
        #expect(!lines.contains("What do you think about it?"))
        #expect(!lines.contains { $0.hasPrefix("Your address will not be published") })
    }

    /// Each word, as the id of a box after the text.
    @Test(arguments: ["supplement", "post-replies", "shoutbox", "skyscraper-right", "respond"])
    func namedBoxStaysOut(_ name: String) {
        let lines = ArticleFixtureLoader.extract(html: Self.page(after: """
            <div id="\(name)"><div class="box"><h3>More on this event</h3>
            <p>The harbour office answers questions about the works on weekdays, in person and by telephone.</p></div></div>
            """)).bodyLines
        #expect(lines.contains(Self.prose[0]))
        #expect(!lines.contains("More on this event"))
    }
}
