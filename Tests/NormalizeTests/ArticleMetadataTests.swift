import Foundation
import Testing
@testable import Normalize

@Suite("Article metadata")
struct ArticleMetadataTests {
    static func date(_ iso: String) -> Date? { DateParser.parse(iso) }

    @Test func jsonLDGraphProvidesEveryField() throws {
        let article = try ArticleFixtureLoader.extract(
            "harbour-bridge", url: "https://www.coastalledger.example/news/harbour-bridge-reopens?utm_source=x")
        #expect(article.title == "Harbour bridge reopens after two-year repair")
        // The instants, with the zone the page stated (07:45 at +01:00) kept for the output.
        #expect(article.published == Self.date("2024-03-11T06:45:00Z"))
        #expect(article.modified == Self.date("2024-03-11T08:10:00Z"))
        #expect(article.publishedOffset == 3600 && article.modifiedOffset == 3600)
        #expect(article.authors == ["Maria Okafor", "Tom Reilly"])
        #expect(article.language == "en")
        #expect(article.description == "The Millbrook harbour bridge reopened to traffic on Monday after a two-year structural repair.")
        #expect(article.canonicalURL == "https://www.coastalledger.example/news/harbour-bridge-reopens")
        #expect(article.siteName == "The Coastal Ledger")
        #expect(article.imageURL == "https://www.coastalledger.example/images/bridge-1200.jpg")
    }

    @Test func openGraphAndMetaNamesWhenThereIsNoJSONLD() throws {
        let article = try ArticleFixtureLoader.extract(
            "opengraph-blog", url: "https://greencorner.example/2023/09/balcony-tomatoes/")
        #expect(article.title == "Five things I learned growing tomatoes on a balcony")
        #expect(article.published == Self.date("2023-09-02T18:30:00Z"))
        #expect(article.modified == Self.date("2023-09-04T08:00:00Z"))
        #expect(article.authors == ["Priya Natarajan"])
        #expect(article.description == "A season of small-space gardening, with mistakes.")
        #expect(article.siteName == "Green Corner")
        #expect(article.imageURL == "https://cdn.greencorner.example/img/tomatoes.jpg")
    }

    /// The fixture's `rel=canonical` points at another site: it must be ignored and the
    /// same-site `og:url` used instead.
    @Test func crossSiteCanonicalIsRejected() throws {
        let article = try ArticleFixtureLoader.extract(
            "opengraph-blog", url: "https://greencorner.example/2023/09/balcony-tomatoes/?ref=feed")
        #expect(article.canonicalURL == "https://greencorner.example/2023/09/balcony-tomatoes/")
    }

    @Test func relativeCanonicalAndImageAreResolved() {
        let html = ArticleFixtureLoader.page(paragraphs: ArticleFixtureLoader.prose, head: """
            <link rel="canonical" href="/news/night-buses"><meta property="og:image" content="../img/bus.jpg">
            """)
        let article = ArticleFixtureLoader.extract(html: html, url: "https://news.example.org/section/story?id=4")
        #expect(article.canonicalURL == "https://news.example.org/news/night-buses")
        #expect(article.imageURL == "https://news.example.org/img/bus.jpg")
    }

    /// An image tag holding only the site's root URL names no image: the next source is used,
    /// or none.
    @Test func siteRootIsNoImage() {
        let root = "<meta property=\"og:image\" content=\"https://news.example.org\">"
        let page = { (head: String) in
            ArticleFixtureLoader.extract(html: ArticleFixtureLoader.page(paragraphs: ArticleFixtureLoader.prose, head: head),
                                         url: "https://news.example.org/section/story?id=4")
        }
        #expect(page(root).imageURL == nil)
        #expect(page(root + "<meta name=\"twitter:image\" content=\"/img/bus.jpg\">").imageURL
            == "https://news.example.org/img/bus.jpg")
        #expect(page("<meta property=\"og:image\" content=\"https://img.example.org/?id=7\">").imageURL
            == "https://img.example.org/?id=7")
    }

    @Test func microdataGivesAuthorsAndDates() throws {
        let article = try ArticleFixtureLoader.extract("microdata-story")
        #expect(article.authors == ["Jana Becker"])
        #expect(article.published == Self.date("2022-10-05T04:00:00Z"))
        #expect(article.modified == Self.date("2022-10-05T10:15:00Z"))
        #expect(article.language == "de")
        #expect(article.title == "Neue Straßenbahnlinie fährt ab Dezember")
    }

    @Test func timeElementIsTheLastResortForThePublishedDate() {
        let html = ArticleFixtureLoader.page(paragraphs: ArticleFixtureLoader.prose,
                                             extra: "<time datetime=\"2020-02-29 13:05\">Saturday</time>")
        #expect(ArticleFixtureLoader.extract(html: html).published == Self.date("2020-02-29T13:05:00Z"))
    }

    @Test func siteNameSuffixIsStrippedFromTheTitle() {
        let html = "<html><head><title>Night buses return | Metro Daily</title>"
            + "<meta property=\"og:site_name\" content=\"Metro Daily\"></head><body><article><p>"
            + ArticleFixtureLoader.prose.joined(separator: "</p><p>") + "</p></article></body></html>"
        #expect(ArticleFixtureLoader.extract(html: html).title == "Night buses return")
    }

    @Test func bylinePrefixesAndConjunctionsAreSplit() {
        #expect(MetadataReader.cleanAuthors(["By Ann Lee and Bo Chan", "ann lee", "news@example.com"])
            == ["Ann Lee", "Bo Chan"])
    }

    @Test(arguments: [
        ("2019-11-18T10:02:00Z", 1_574_071_320.0),
        ("2019-11-18T10:02:00.000+0000", 1_574_071_320.0),
        ("2019-11-18T11:02:00+01:00", 1_574_071_320.0),
        ("2019-11-18 10:02:00", 1_574_071_320.0),
        ("2019-11-18", 1_574_035_200.0),
        ("Mon, 18 Nov 2019 10:02:00 GMT", 1_574_071_320.0),
    ])
    func dateFormatsPagesUse(raw: String, epoch: Double) {
        #expect(DateParser.parse(raw)?.timeIntervalSince1970 == epoch)
    }

    @Test(arguments: ["", "yesterday", "2019-13-45", "99/99/9999", "12345678"])
    func garbageDatesAreNil(raw: String) {
        #expect(DateParser.parse(raw) == nil)
    }

    @Test func recordRoundTripsThroughJSON() throws {
        let article = try ArticleFixtureLoader.extract("harbour-bridge")
        let encoded = try JSONEncoder().encode(article)
        #expect(try JSONDecoder().decode(ExtractedArticle.self, from: encoded) == article)
    }
}
