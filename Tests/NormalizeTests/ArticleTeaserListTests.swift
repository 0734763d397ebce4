import Testing
@testable import Normalize

/// A block named `teasers` (plural) is a list of other articles, "More on this topic", even
/// when its cards carry their summaries as plain text and the only links are empty overlays
/// (so the link share that tells a trail from a lead says nothing). Hand-written page.
@Suite("Article teaser list")
struct ArticleTeaserListTests {
    static let cards = [
        "Packaging waste and the climate: oil companies are turning from fuel to plastic, and the waste problem grows with every year that passes.",
        "What is the overshoot day? On that day people have used up everything the planet can renew in a year, and each year it comes a little earlier.",
    ]

    @Test func teaserListAfterTheArticleIsLeftOut() {
        let body = ArticleFixtureLoader.prose.map { "<p>\($0)</p>" }.joined()
        let list = Self.cards.map {
            "<div class=\"teaser-card\"><a href=\"/other\"></a><h3>Related piece</h3><p>\($0)</p></div>"
        }.joined()
        let html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Night buses</title></head><body>
            <main><div class="region"><div class="story"><h1>Night buses</h1>\(body)</div>
            <div class="teasers teasers--columns"><h2>More on transport</h2>\(list)</div></div></main></body></html>
            """
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines.contains(ArticleFixtureLoader.prose[0]))
        #expect(!lines.contains("More on transport"))
        #expect(!lines.contains(Self.cards[0]))
    }

    @Test func pluralTeasersIsAWholeToken() {
        #expect(ClassHints.isFurniture(Array("teasers u-container".utf8)[...]))
        #expect(!ClassHints.isFurniture(Array("article-teaser".utf8)[...]))
    }
}
