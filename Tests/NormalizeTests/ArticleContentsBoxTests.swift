import Foundation
import Testing
@testable import Normalize

/// A long article cut into sibling blocks, one of which opens with a table of contents: the
/// contents box lifts that block's link share above a sibling's limit, but without the box the
/// block is prose and belongs to the article. Teasers beside the article (a linked headline
/// and a summary each) stay out: their links are spread over every item.
@Suite("Article contents box")
struct ArticleContentsBoxTests {
    static let questions = ["What are the symptoms?", "How dangerous is the virus?", "What is known about the cases here?",
                            "Can the spread be contained?", "How can I protect myself?", "Where does the disease come from?",
                            "When will there be a vaccine?", "What do the genes of the virus tell us?"]

    static let opening = "Many questions are still open: how many people will fall ill, where the virus came from, and whether a vaccine can stop it. We have collected the most important ones here, with the answers that can be given at this time."
    static let symptoms = "Many people only have a mild cold with shivers and a sore throat, while others develop a fever and a dry cough that lasts for more than a week, doctors at the university hospital said."

    static var contentsBlock: String {
        let links = questions.enumerated().map { "<a href=\"#q\($0.offset)\">\($0.element)</a><br>" }.joined()
        return """
            <div class="row"><div class="columns"><p>\(opening)</p>
            <div class="callout"><strong>In this article:</strong><br>\(links)</div>
            <h3>What are the symptoms?</h3><p>\(symptoms)</p></div></div>
            """
    }

    static func longBlock(_ count: Int) -> String {
        let paragraphs = (0..<count).map { "<p>In part \($0) of the report, the health office explains how the cases were traced, which contacts were tested and how long those at risk must stay at home before they may return to work.</p>" }
        return "<div class=\"row\"><div class=\"columns\"><h3>What is known about the cases here?</h3>\(paragraphs.joined())</div></div>"
    }

    static func page(_ blocks: String) -> String {
        """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>What we know about the new virus</title></head>
        <body><nav><a href="/">Home</a> <a href="/health">Health</a></nav>
        <article><h1>What we know about the new virus</h1>\(blocks)</article>
        <footer><p>Copyright notice for the test site, all rights reserved.</p></footer></body></html>
        """
    }

    @Test func blockOpeningWithContentsIsPartOfTheArticle() {
        let lines = ArticleFixtureLoader.extract(html: Self.page(Self.contentsBlock + "<div class=\"ad-row\"></div>" + Self.longBlock(8))).bodyLines
        #expect(lines.contains { $0.hasPrefix("In part 7 of the report") })
        #expect(lines.contains(Self.opening))
        #expect(lines.contains(Self.symptoms))
        #expect(!lines.contains("How dangerous is the virus?"))
    }

    /// Only a section of the winner's own class is read so: between class-less blocks the
    /// same shape is no sign of a section (on pages without class names it is as often an
    /// author box's links over a biography), and the block stays out.
    @Test func classlessBlockWithALinkBoxStaysOut() {
        let blocks = (Self.contentsBlock + "<div class=\"ad-row\"></div>" + Self.longBlock(8))
            .replacingOccurrences(of: " class=\"row\"", with: "").replacingOccurrences(of: " class=\"columns\"", with: "")
        let lines = ArticleFixtureLoader.extract(html: Self.page(blocks)).bodyLines
        #expect(lines.contains { $0.hasPrefix("In part 7 of the report") })
        #expect(!lines.contains(Self.opening))
    }

    /// The reading that admits the contents block does not admit teasers: boxes of a linked
    /// headline and a summary each keep too many links once a box of links beside them is set
    /// aside, and headlines set as blocks of their own are more link blocks than a contents box.
    @Test(arguments: [
        "<div class=\"box-top\"><h4>Popular</h4>" + (0..<6).map { "<a href=\"/p\($0)\">Popular story number \($0) of the day</a><br>" }.joined() + "</div>"
            + (0..<6).map { "<div class=\"box\"><div><a href=\"/s\($0)\">Story number \($0) of the week</a></div><div>A short summary of the other story, number \($0), which the site recommends to readers of this one.</div></div>" }.joined(),
        (0..<6).map { "<div class=\"title\"><a href=\"/s\($0)\">Story number \($0) of the week in the city</a></div><div class=\"summary\">A short summary of the other story, number \($0), which the site recommends to readers of this one.</div>" }.joined(),
    ])
    func teasersAreNotProseWithoutTheirLinkBlocks(_ teasers: String) throws {
        let html = Self.page("<div id=\"teasers\">\(teasers)</div>" + Self.contentsBlock)
        let tree = HTMLParser.parse(utf8: Array(html.utf8))
        let analysis = PageAnalysis(tree: tree)
        let list = Int32(try #require(tree.nodes.indices.first { String(decoding: tree.hint(Int32($0)), as: UTF8.self) == "teasers" }))
        let row = Int32(try #require(tree.nodes.indices.first { String(decoding: tree.hint(Int32($0)), as: UTF8.self) == "row" }))
        #expect(analysis.linkDensity(list) > 0.25 && analysis.linkDensity(row) > 0.25)
        #expect(!LinkBlocks.isProseWithout(list, in: analysis, density: CandidateSelector.proseLinkDensity, maximumBlocks: 2))
        #expect(LinkBlocks.isProseWithout(row, in: analysis, density: CandidateSelector.proseLinkDensity, maximumBlocks: 2))
    }
}
