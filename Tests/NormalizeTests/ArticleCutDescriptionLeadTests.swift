import Foundation
import Testing
@testable import Normalize

/// The lead above the body is found by the page's description even when the publisher cut
/// the description short (a fixed length, mid-sentence), and only the lead block is taken.
@Suite("Article lead from a cut description")
struct ArticleCutDescriptionLeadTests {
    static let lead = "Two years after the harbour bridge closed, the council has chosen a contractor and a date, and the ferry will keep running until the work is done next spring."
    /// The description as publishers cut it: the lead's first 110 characters or so, mid-word.
    static let cut = "Two years after the harbour bridge closed, the council has chosen a contractor and a date, and the ferry will ke"
    static let prose = ArticleBodyRecallTests.prose

    static func page(description: String, lead: String) -> String {
        """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>Bridge contract awarded</title>
        <meta property="og:description" content="\(description)"></head>
        <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>Bridge contract awarded</h1>
        <div class="premium"><div id="lead" class="intro-block">\(lead)</div>
        <div class="content-wrap"><div class="content">
        <div class="detail" itemprop="articleBody">\(prose.map { "<p>\($0)</p>" }.joined())</div>
        <div class="source">Source: harbour council</div></div></div></div></article>
        <footer><p>Copyright notice for the test site, all rights reserved.</p></footer>
        </body></html>
        """
    }

    @Test func leadOpenedByACutDescriptionIsJoined() {
        let lines = ArticleFixtureLoader.extract(html: Self.page(description: Self.cut, lead: Self.lead)).bodyLines
        #expect(lines.first == Self.lead)
        #expect(lines.contains(Self.prose[4]))
    }

    /// A block that merely starts like the description but runs on into its neighbours (the
    /// lead, a date and a caption in one wrapper) is not taken.
    @Test func wrapperStartingWithTheDescriptionStaysOut() {
        let wrapper = "<div>\(Self.lead)</div><div>3 May 2022 21:25</div><p>The bridge at night, seen from the quay.</p>"
        let lines = ArticleFixtureLoader.extract(html: Self.page(description: Self.cut, lead: wrapper)).bodyLines
        #expect(lines.first == Self.lead)
        #expect(!lines.contains("3 May 2022 21:25"))
        #expect(!lines.contains("The bridge at night, seen from the quay."))
    }

    /// A block that does not continue the description is not a lead.
    @Test func unrelatedBlockAboveTheBodyStaysOut() {
        let other = "A different summary of the council decision on the bridge, written for the newsletter."
        let lines = ArticleFixtureLoader.extract(html: Self.page(description: Self.cut, lead: other)).bodyLines
        #expect(lines == Self.prose)
    }
}
