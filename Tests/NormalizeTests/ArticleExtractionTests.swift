import Foundation
import Testing
@testable import Normalize

@Suite("Article body extraction")
struct ArticleExtractionTests {
    static let expectedHarbourBody = [
        "The Millbrook harbour bridge reopened to traffic on Monday morning, two years after engineers closed it when corrosion was found in the main steel girders.",
        "More than 400 vehicles crossed in the first hour, according to the harbour authority, which said the repair came in slightly under its budget of 38 million pounds.",
        "“We were told it would take eighteen months, and it took twenty-four, but it is done properly,” said Ana Ruiz, who runs a bakery on the south quay.",
        "What changed",
        "Engineers replaced all sixteen girders and added sensors that report strain and temperature every minute, so that problems can be caught long before they become dangerous.",
        "Two new cycle lanes, one in each direction",
        "A wider footpath on the seaward side",
        "LED lighting that dims after midnight",
        "Traffic counts before the closure show how much the town depends on the crossing:",
        "Year Vehicles per day",
        "2019 11,200",
        "2021 12,050",
        "The council said weight limits for lorries would be reviewed in the summer, once the new sensors have gathered a few months of data.",
    ]

    @Test func fullNewsPageYieldsExactlyTheArticle() throws {
        let article = try ArticleFixtureLoader.extract("harbour-bridge")
        #expect(article.bodyLines == Self.expectedHarbourBody)
        #expect(article.text == Self.expectedHarbourBody.joined(separator: "\n") + "\n")
        #expect(article.quality.method == .densityScoring)
    }

    /// Every kind of furniture in the fixture, by a phrase only it contains.
    @Test(arguments: [
        ("cookie banner", "We use cookies"),
        ("navigation", "Opinion"),
        ("breadcrumbs", "Home"),
        ("title", "Harbour bridge reopens after two-year repair"),
        ("byline", "Maria Okafor"),
        ("dateline", "11 March 2024"),
        ("share bar", "Share on Facebook"),
        ("caption", "The bridge at dawn"),
        ("advertisement", "Advertisement"),
        ("newsletter box", "Sign up for our free newsletter"),
        ("newsletter heading", "Get the morning briefing"),
        ("read-more link", "Ferry timetable cut"),
        ("video-player notice", "modern browser"),
        ("tags", "Transport"),
        ("related stories", "Council approves harbour wall study"),
        ("comments", "About time!"),
        ("most read", "Storm warning"),
        ("footer", "All rights reserved"),
    ])
    func furnitureIsLeftOut(kind: String, phrase: String) throws {
        let text = try ArticleFixtureLoader.extract("harbour-bridge").text
        #expect(!text.contains(phrase), "\(kind) leaked into the body")
    }

    @Test func subheadingsListsAndTablesAreLines() throws {
        let lines = try ArticleFixtureLoader.extract("harbour-bridge").bodyLines
        #expect(lines.contains("What changed"))
        #expect(lines.contains("A wider footpath on the seaward side"))
        #expect(lines.contains("2021 12,050"))
    }

    @Test func wordPressStyleBlogKeepsOnlyThePost() throws {
        let article = try ArticleFixtureLoader.extract("opengraph-blog")
        #expect(article.bodyLines == [
            "When I moved into a flat with a south-facing balcony, I decided to try growing tomatoes, even though everyone told me the wind would ruin them.",
            "The first lesson was about containers: the bigger, the better, because small pots dry out in an afternoon and the plants never recover from the stress.",
            "Water in the morning",
            "Watering at night kept the leaves damp for hours, and by July I was fighting mildew on every plant, so I switched to early mornings and it cleared up.",
            "Finally, I learned to pinch out the side shoots, which felt cruel at first but gave me far more fruit on the main stems than the year before.",
        ])
    }

    @Test func microdataArticleBodyIsTheContainer() throws {
        let article = try ArticleFixtureLoader.extract("microdata-story")
        #expect(article.bodyLines.count == 3)
        #expect(article.bodyLines.first?.hasPrefix("Die Stadtwerke haben am Dienstag") == true)
        #expect(!article.text.contains("Jana Becker"))
        #expect(!article.text.contains("Impressum"))
    }

    @Test func jsonLDReanchorsWhenCommentsOutweighTheArticle() throws {
        let article = try ArticleFixtureLoader.extract("comments-outweigh")
        #expect(article.bodyLines.count == 3)
        #expect(article.bodyLines.first?.hasPrefix("The central library will open on Sundays") == true)
        #expect(!article.text.contains("heating"))
    }

    @Test func jsonLDBodyStandsInForAnAppShell() throws {
        let article = try ArticleFixtureLoader.extract("app-shell-jsonld")
        #expect(article.quality.method == .structuredData)
        #expect(article.bodyLines.count == 3)
        #expect(article.bodyLines[1].hasPrefix("La medida busca reducir las colas"))
        #expect(!article.text.contains("JavaScript"))
    }

    @Test func shortReadMoreAndCaptionLinesAreDropped() {
        let html = ArticleFixtureLoader.page(
            paragraphs: ArticleFixtureLoader.prose + ["Read more: Night buses to be reviewed next year"],
            extra: "<p>Photo: City Transport Authority</p><p>Advertisement</p>")
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines == ArticleFixtureLoader.prose)
    }

    /// Lines that other extractors leave in seed files: captions, player notices, durations,
    /// bare section labels.
    @Test(arguments: [
        "Image: Residents leave the city with their belongings. Pics: AP",
        "Read more:Who are the people behind the plan?",
        "Please use Chrome browser for a more accessible video player",
        "2:18",
        "COMMENTS",
        "Advertisement",
        "Anzeige",
        "- Anzeige -",
        "[ Advertisement ]",
        "Follow us on Instagram, Facebook and Twitter.",
        "Image 1 of 8",
        "1 / 8",
        "12 comments",
        "Back to Gallery",
    ])
    func furnitureLinesAreDropped(line: String) {
        let html = ArticleFixtureLoader.page(paragraphs: [ArticleFixtureLoader.prose[0], line,
                                                          ArticleFixtureLoader.prose[1], ArticleFixtureLoader.prose[2], line])
        #expect(ArticleFixtureLoader.extract(html: html).bodyLines == ArticleFixtureLoader.prose)
    }

    @Test func nearbyRepeatedCaptionsCollapseButDistantRepeatsStay() {
        let caption = "The defence minister shakes hands with his counterpart in the capital on Wednesday morning."
        let question = "What inspired you to start cooking for other people, and when did it begin?"
        let html = ArticleFixtureLoader.page(paragraphs: [
            caption, caption, ArticleFixtureLoader.prose[0], question, ArticleFixtureLoader.prose[1],
            ArticleFixtureLoader.prose[2], "The second guest answered at length about her grandmother.",
            "She learned everything in a small kitchen in the north of the country.", question,
            "The answer was different again, and longer, and full of details about markets.",
        ])
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines.filter { $0 == caption }.count == 1)
        #expect(lines.filter { $0 == question }.count == 2)
    }

    @Test func whiteSpaceIsCollapsedAndTextIsNFC() {
        let decomposed = "Cafe\u{0301} owners   said\u{00A0}the\tplan was\u{200B} fine, and the mayor agreed with them on every point raised."
        let html = ArticleFixtureLoader.page(paragraphs: ArticleFixtureLoader.prose + [decomposed])
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines.last == "Café owners said the plan was fine, and the mayor agreed with them on every point raised.")
        #expect(lines.last?.unicodeScalars.contains("\u{0301}") == false)
    }

    @Test func entitiesAndLineBreaksBecomeText() {
        let html = ArticleFixtureLoader.page(paragraphs: ArticleFixtureLoader.prose
            + ["Fish &amp; chips cost &pound;9 now, up from &#163;7,<br>the owner said on Friday."])
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines.suffix(2) == ["Fish & chips cost £9 now, up from £7,", "the owner said on Friday."])
    }

    @Test func hiddenElementsAreLeftOut() {
        let html = ArticleFixtureLoader.page(paragraphs: ArticleFixtureLoader.prose, extra: """
            <p style="display: none">This paragraph is hidden by an inline style and must not appear.</p>
            <p hidden>This paragraph is hidden by the hidden attribute and must not appear.</p>
            <div aria-hidden="true"><p>Screen readers never see this paragraph, nor should we.</p></div>
            """)
        #expect(ArticleFixtureLoader.extract(html: html).bodyLines == ArticleFixtureLoader.prose)
    }

    /// Ruby readings (`<rt>`, with `<rp>` parentheses for old browsers) sit over the words they
    /// annotate; the text is the words alone, as a reader sees them.
    @Test func rubyReadingsAreLeftOut() {
        let annotated = "<ruby>子<rt>こ</rt></ruby>どもへの<ruby>虐待<rp>(</rp><rt>ぎゃくたい</rt><rp>)</rp></ruby>をなくすための<ruby>法律<rt>ほうりつ</rt></ruby>ができて、親が子どもを教育するために、たたいたり蹴ったりする体罰を禁止することになりました。"
        let html = ArticleFixtureLoader.page(paragraphs: ArticleFixtureLoader.prose + [annotated])
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines.last == "子どもへの虐待をなくすための法律ができて、親が子どもを教育するために、たたいたり蹴ったりする体罰を禁止することになりました。")
    }
}
