import Foundation
import Testing
@testable import Normalize

/// Links and spans inside a sentence whose class names furniture (a site's search or keyword
/// links, a date set off for styling) are words of the sentence; a label's links, a paragraph's
/// closing link and screen-reader text are still judged by their class.
@Suite("Article running text")
struct ArticleRunningTextTests {
    static let prose = ArticleBodyRecallTests.prose

    static func page(_ paragraph: String) -> String {
        """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>Bridge contract awarded</title></head>
        <body><div id="content"><div class="story">\(prose.prefix(3).map { "<p>\($0)</p>" }.joined())
        <p>\(paragraph)</p>\(prose.dropFirst(3).map { "<p>\($0)</p>" }.joined())</div></div>
        <footer><p>Copyright notice for the test site, all rights reserved.</p></footer>
        </body></html>
        """
    }

    @Test(arguments: [
        ("The new crossing at Kenthurst (<a class=\"searchLink\" href=\"/search?q=Kenthurst\">Kenthurst</a>) will open next spring, the council said.",
         "The new crossing at Kenthurst (Kenthurst) will open next spring, the council said."),
        ("港湾局はケントハースト（<a class=\"searchLink\" href=\"/search?q=K\">Kenthurst</a>）の新しい橋を来春開通させると発表した。",
         "港湾局はケントハースト（Kenthurst）の新しい橋を来春開通させると発表した。"),
        ("The council voted on <time class=\"date\">Tuesday</time> to keep the ferry running until the bridge reopens.",
         "The council voted on Tuesday to keep the ferry running until the bridge reopens."),
        ("The works are paid for by the <a class=\"social-link\" href=\"/fund\">harbour fund</a> and the county, officials said.",
         "The works are paid for by the harbour fund and the county, officials said."),
        ("The vote was delayed after <a class=\"topic-entity js-topic-teaser\" href=\"/topics/mayor\">the mayor</a> asked for a second survey of the piers.",
         "The vote was delayed after the mayor asked for a second survey of the piers."),
    ])
    func linkInsideASentenceStays(_ paragraph: String, _ expected: String) {
        let lines = ArticleFixtureLoader.extract(html: Self.page(paragraph)).bodyLines
        #expect(lines.contains(expected))
        #expect(lines.contains(Self.prose[0]))
    }

    @Test func screenReaderTextInsideASentenceStaysOut() {
        let lines = ArticleFixtureLoader.extract(html: Self.page(
            "The plan was <a href=\"/plan\">published<span class=\"sr-only\"> (opens a new window)</span></a> by the harbour office on Tuesday evening.")).bodyLines
        #expect(lines.contains("The plan was published by the harbour office on Tuesday evening."))
    }

    @Test func closingLinkIsJudgedByItsClass() {
        let lines = ArticleFixtureLoader.extract(html: Self.page(
            "Read more about the harbour works: <a class=\"related-link\" href=\"/other\">Ferry timetable changes</a>")).bodyLines
        #expect(lines.contains(Self.prose[0]))
        #expect(!lines.contains { $0.contains("Ferry timetable changes") })
    }
}
