import Testing
@testable import Normalize

/// `HTMLTree.textContent`: the text of a subtree as it reads, blocks apart.
@Suite("Tree text content")
struct HTMLTreeTextTests {
    static func text(_ html: String, of tag: HTMLTag = .body) -> String? {
        let tree = HTMLParser.parse(utf8: Array(html.utf8))
        guard let node = tree.nodes.indices.first(where: { tree.nodes[$0].tag == tag }) else { return nil }
        return tree.textContent(Int32(node))
    }

    @Test func whatFollowsABlockIsSeparatedFromIt() {
        // The byline shape that read "José Miguel WilsonHace 13 horas".
        let html = "<body><div><div><a>Jane Roe</a></div></div><time><b>3 hours ago</b></time>"
            + "<p>One</p>two<section><p>Three</p><span>four</span></section></body>"
        #expect(Self.text(html) == "Jane Roe 3 hours ago One two Three four")
    }

    /// Two links side by side are two items, whatever the style sheet does with them.
    @Test func adjacentLinksAreSeparated() {
        #expect(Self.text("<body><h3><a href=\"/p\">Jane Roe</a><a href=\"/f\">Follow</a></h3></body>") == "Jane Roe Follow")
        #expect(Self.text("<body><p><a href=\"/a\">One</a> and <a href=\"/b\">two</a></p></body>") == "One and two")
    }

    @Test func inlineElementsStayJoined() {
        #expect(Self.text("<body><p>Up<b>dated</b>:<i>March</i> 16</p></body>") == "Updated:March 16")
    }
}
