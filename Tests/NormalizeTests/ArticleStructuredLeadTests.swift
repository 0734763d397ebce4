import Testing
@testable import Normalize

/// A paywalled page shows its standfirst and a line of teaser, while the full text is only in
/// the JSON-LD `articleBody`, which leaves the standfirst out. The body taken from the copy
/// keeps the lead the reader sees. Hand-written pages.
@Suite("Article structured body lead")
struct ArticleStructuredLeadTests {
    static let lead = "Snow on a solar roof costs more than a day of power: its weight strains the panels and the frames, and experts warn owners against clearing it."
    static let prose = ArticleFixtureLoader.prose + [
        "Installers said that most roofs built in the last decade are rated for heavy snow, but older frames may bend under a wet load that lies for weeks.",
    ]

    static func page(articleBody: [String]) -> String {
        let json = articleBody.joined(separator: "\\n")
        return """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Snow on solar roofs</title>
            <meta name="description" content="\(lead)">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Snow on solar roofs","articleBody":"\(json)"}</script>
            </head><body><main><div class="container"><h1>Snow on solar roofs</h1>
            <p class="standfirst">\(lead)</p>
            <div class="paywall-teaser"><p>Subscribers read on.</p></div></div></main></body></html>
            """
    }

    @Test func structuredBodyKeepsTheShownLead() {
        let article = ArticleFixtureLoader.extract(html: Self.page(articleBody: Self.prose))
        #expect(article.quality.method == .structuredData)
        #expect(article.bodyLines.first == Self.lead)
        #expect(article.bodyLines.contains(Self.prose[3]))
    }

    /// A copy that already opens with the lead does not get it twice.
    @Test func leadIsNotRepeated() {
        let article = ArticleFixtureLoader.extract(html: Self.page(articleBody: [Self.lead] + Self.prose))
        #expect(article.quality.method == .structuredData)
        #expect(article.bodyLines.filter { $0 == Self.lead }.count == 1)
    }
}
