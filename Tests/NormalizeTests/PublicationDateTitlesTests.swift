import Foundation
import Testing
@testable import Normalize

/// Dates that stand near the headline but are not the page's: the one a title names, the one
/// in the title of the next post, a forum member's sign-up date.
@Suite("Publication date: titles, post navigation and other dates")
struct PublicationDateTitlesTests {
    typealias Page = PublicationDateSignalsTests

    static func published(_ html: String, url: String? = nil) -> String? {
        Page.day(ArticleExtractor().extract(ArticleInput(html: Data(html.utf8), url: url.flatMap(URL.init(string:)),
                                                         fetchedAt: Page.fetchedAt)).published)
    }

    static func page(title: String, body: String, lang: String = "de") -> String {
        """
        <!DOCTYPE html><html lang="\(lang)"><head><meta charset="utf-8"><title>\(title)</title></head>
        <body>\(body)<p>\(ArticleFixtureLoader.prose.joined(separator: "</p><p>"))</p></body></html>
        """
    }

    @Test func aDateInTheHeadlineIsItsSubject() {
        // The minutes of the 10 October meeting went up on 26 December; the headline's date
        // sits in a header whose class names a date-ish part ("entry-header") and comes first.
        let body = """
            <div class="entry-header"><h1 class="entry-title">Protokoll der Vorstandssitzung vom 10. Oktober 2019</h1>
            <div class="entry-meta"><span class="posted-on"><a href="/?p=5031">26/12/2019</a></span></div></div>
            """
        #expect(Self.published(Self.page(title: "Protokoll der Vorstandssitzung", body: body)) == "2019-12-26")
        // A dateline set as a heading is a label and its date.
        let labelled = "<h1>Protokoll</h1><h4>Veröffentlicht am 12. März 2020</h4>"
        #expect(Self.published(Self.page(title: "Protokoll", body: labelled)) == "2020-03-12")
    }

    @Test func theDocumentTitleIsNotADateline() {
        // The <title> repeats the headline with its subject's date; the page's own date is
        // the only other one, far down the page (found by the page-wide last resort).
        let lines = String(repeating: "<div>Eine Zeile der Seite</div>", count: 60)
        let body = "<h1>Protokoll der Vorstandssitzung</h1>\(lines)<div>26.12.2019</div>"
        let html = Self.page(title: "Protokoll der Vorstandssitzung vom 10. Oktober 2019", body: body)
        #expect(Self.published(html) == "2019-12-26")
    }

    @Test func theNextPostsTitleDatesThatPost() {
        // Previous/next links written as plain divs (no <nav>): the next post's title names
        // its own day, one after the permalink's.
        let body = """
            <h1>JSON parsing compared</h1><p>Short opening paragraph of the post itself.</p>
            <div class="navigation post-navigation"><div class="nav-links"><div class="nav-next">
            <a href="/blog/2019/08/04/links/">Science and technology links (August 3rd 2019)</a></div></div></div>
            """
        let html = Self.page(title: "JSON parsing compared", body: body, lang: "en")
        #expect(Self.published(html, url: "https://blog.example/blog/2019/08/02/json-parsing/") == "2019-08-02")
    }

    @Test func aMembersSignUpDateIsNotThePosts() {
        let body = """
            <h1>What where'd it go?</h1><div>Brokepixel</div><dl><dt>Joined</dt><dd>May 11, 2017</dd></dl>
            <div>Mar 18, 2020</div>
            """
        #expect(Self.published(Self.page(title: "What where'd it go?", body: body, lang: "en")) == "2020-03-18")
    }

    @Test func aPostsCategoryAndTagNamesAreNotFurniture() {
        // WordPress lists the post's categories and tags as classes of its wrapper: a category
        // called "Latest headlines" does not make the post a list of other stories.
        let body = """
            <article class="post type-post status-publish category-latest-headlines tag-popular">
            <h1>Playoffs preview</h1><div class="meta"><time datetime="2023-11-07 18:09:55">November 7, 2023</time></div>
            """
        let html = Self.page(title: "Playoffs preview", body: body, lang: "en")
        #expect(Self.published(html, url: "https://news.example/2023/11/08/playoffs-preview/") == "2023-11-07")
    }

    @Test func labelsOfOtherDates() {
        #expect(DateLabel.of(Array("Joined: ".utf8)[...]) == .unrelated)
        #expect(DateLabel.of(Array("Mitglied seit ".utf8)[...]) == .unrelated)
        #expect(DateLabel.of(Array("Einsendeschluss: ".utf8)[...]) == .unrelated)
        // A name that holds the letters of a label word is not one.
        #expect(DateLabel.of(Array("By Jane Osborne, ".utf8)[...]) == .neutral)
        // The label nearest the date wins.
        #expect(DateLabel.of(Array("Joined 2017 · Posted ".utf8)[...]) == .published)
    }
}
