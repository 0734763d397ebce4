import Foundation
import Testing
@testable import Normalize

/// Under a short article, a related-posts list (a linked headline and an excerpt per item) can
/// hold half the page's prose, which otherwise shields any element from removal as furniture.
/// Its name and its shape together make it furniture.
@Suite("Article related-posts list")
struct ArticleRelatedListTests {
    static let prose = Array(ArticleFixtureLoader.prose.prefix(2))

    static func teaser(_ number: Int) -> String {
        """
        <li><article class="post-teaser"><h3><a href="/story-\(number)">Harbour story \(number)</a></h3>
        <p>Excerpt \(number): the ferry timetable changes again this summer, with later sailings on Fridays and a new stop at the quay.</p></article></li>
        """
    }

    static func page(listClass: String, items: Int) -> String {
        """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>Night buses</title></head>
        <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <div class="article-text">\(prose.map { "<p>\($0)</p>" }.joined())</div>
        <div class="\(listClass)"><h2>More stories</h2><ul>\((1...items).map(Self.teaser).joined())</ul></div>
        <footer><p>Copyright notice for the test site, all rights reserved.</p></footer>
        </body></html>
        """
    }

    @Test func relatedListHoldingHalfThePageStaysOut() {
        let text = ArticleFixtureLoader.extract(html: Self.page(listClass: "related-posts", items: 4)).text
        #expect(text.contains(Self.prose[0]))
        #expect(text.contains(Self.prose[1]))
        #expect(!text.contains("Excerpt 2: the ferry timetable"))
    }
}
