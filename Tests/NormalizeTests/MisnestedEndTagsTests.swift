import Testing
@testable import Normalize

/// End tags that libxml2 2.9 ignores (a `div` left open inside them outranks them) close what
/// HTML5 closes, so the rest of the page is not swallowed by an aside or a list item.
@Suite("Misnested end tags")
struct MisnestedEndTagsTests {
    /// The tag of the parent of the element whose `lang` is `mark` (a kept attribute).
    static func parentTag(_ html: String, of mark: String) -> HTMLTag? {
        let tree = HTMLParser.parse(utf8: Array(html.utf8))
        guard let node = tree.nodes.indices.first(where: { tree.attribute(Int32($0), .lang) == mark }) else { return nil }
        return tree.nodes[Int(tree.nodes[node].parent)].tag
    }

    @Test func anAsideEndsAtItsEndTagWithADivLeftOpen() {
        let html = "<html><body><main><aside><ul><li><div>Menu</li></ul></aside>"
            + "<div lang=\"story\"><p>The article.</p></div></main></body></html>"
        #expect(Self.parentTag(html, of: "story") == .main)
        // A div left open straight inside the aside, and one under an inline element.
        #expect(Self.parentTag("<body><section><aside><div><div>Links</div></aside><article lang=\"a\">Text</article></section></body>",
                               of: "a") == .section)
        #expect(Self.parentTag("<body><section><aside><div><b>Links</aside><article lang=\"a\">Text</article></section></body>",
                               of: "a") == .section)
    }

    /// Inside a table cell an end tag of an element outside the table is ignored, as in HTML5:
    /// the cell's div stays open.
    @Test func anEndTagDoesNotReachIntoATable() {
        let html = "<body><section><table><tr><td><div>Cell</section><p lang=\"p\">More</p></td></tr></table></section></body>"
        #expect(Self.parentTag(html, of: "p") == .div)
    }

    /// Style elements libxml2 closes on its own (with the same report) are left to it.
    @Test func styleElementsClosedByLibxml2StayAsTheyAre() {
        let html = "<body><div lang=\"outer\"><p><b>Bold</p><p lang=\"second\">Second</p></div></body>"
        #expect(Self.parentTag(html, of: "second") == .div)
    }
}
