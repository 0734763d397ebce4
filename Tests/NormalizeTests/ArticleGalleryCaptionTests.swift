import Foundation
import Testing
@testable import Normalize

/// A slideshow article writes its text under the pictures: when the captions hold most of the
/// page's prose they are the article, not furniture; an ordinary caption stays out.
@Suite("Article gallery captions")
struct ArticleGalleryCaptionTests {
    /// Long enough on its own for a body, so the page is read the standard way.
    static let intro = "Costumes do not have to be expensive: these ideas use what is already in the wardrobe, and each one takes less than an hour to put together. We asked readers for their favourites, tried them at home, and kept the ones that worked."

    static func slide(_ number: Int) -> String {
        """
        <figure class="slide" id="photo-\(number)"><div class="slide-header"><h2><a href="/gallery/\(number)">\(number). Costume idea number \(number)</a></h2></div>
        <img src="/img/\(number).jpg" alt="">
        <figcaption class="slide-caption"><p>Idea \(number): with a hat, a scarf and a coat from the back of the cupboard, you can be a detective, a painter or a ghost, and nobody will guess it cost nothing.</p>
        <span class="photo-credit">Photo: Studio \(number)</span></figcaption></figure>
        """
    }

    static func page(_ article: String) -> String {
        """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>Costume ideas</title></head>
        <body><nav><a href="/">Home</a> <a href="/style">Style</a></nav>
        \(article)
        <footer><p>Copyright notice for the test site, all rights reserved.</p></footer>
        </body></html>
        """
    }

    @Test func captionsThatCarryTheTextAreKept() {
        let slides = (1...10).map(Self.slide).joined(separator: "\n")
        let html = Self.page("<article class=\"post\"><h1>Costume ideas</h1><p>\(Self.intro)</p><div class=\"slides\">\(slides)</div></article>")
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines.first == Self.intro)
        #expect(lines.contains { $0.hasPrefix("Idea 1: with a hat") })
        #expect(lines.contains { $0.hasPrefix("Idea 10: with a hat") })
        // The credit inside each caption is still furniture.
        #expect(!lines.contains { $0.contains("Studio 3") })
    }

    @Test func captionOfAnOrdinaryArticleStaysOut() {
        let paragraphs = ArticleBodyRecallTests.paragraphs
        let html = Self.page("<article class=\"post\"><h1>Bridge contract awarded</h1>\(Self.slide(1))<div class=\"story\">\(paragraphs)</div></article>")
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines.contains(ArticleBodyRecallTests.prose[0]))
        #expect(!lines.contains { $0.hasPrefix("Idea 1: with a hat") })
    }
}
