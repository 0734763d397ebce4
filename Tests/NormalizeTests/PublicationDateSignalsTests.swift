import Foundation
import Testing
@testable import Normalize

/// Each publication-date signal on a small hand-made page, read through the whole extractor.
@Suite("Publication date signals")
struct PublicationDateSignalsTests {
    /// 2024-05-10 10:00 UTC: the fetch time every page here is read against.
    static let fetchedAt = Date(timeIntervalSince1970: 1_715_335_200)

    /// The `YYYY-MM-DD` of a record date (the publisher's own calendar day).
    static func day(_ date: Date?) -> String? {
        guard let date else { return nil }
        let days = Int((date.timeIntervalSince1970 / 86400).rounded(.down))
        guard let written = WrittenDate.fromDayNumber(days) else { return nil }
        return String(format: "%04d-%02d-%02d", written.year, written.month, written.day)
    }

    static func extract(head: String = "", body: String, lang: String = "en", url: String? = nil) -> ExtractedArticle {
        let html = """
            <!DOCTYPE html><html lang="\(lang)"><head><meta charset="utf-8"><title>Story</title>\(head)</head>
            <body>\(body)<p>\(ArticleFixtureLoader.prose.joined(separator: "</p><p>"))</p></body></html>
            """
        return ArticleExtractor().extract(ArticleInput(html: Data(html.utf8), url: url.flatMap(URL.init(string:)),
                                                       fetchedAt: fetchedAt))
    }

    static func published(head: String = "", body: String = "<h1>Story</h1>", lang: String = "en", url: String? = nil) -> String? {
        day(extract(head: head, body: body, lang: lang, url: url).published)
    }

    static func jsonLD(_ json: String) -> String { "<script type=\"application/ld+json\">\(json)</script>" }

    /// A template that writes the date of a meta element in `datetime` instead of `content`.
    @Test func metaDateInADatetimeAttribute() {
        #expect(Self.published(head: "<meta itemprop=\"dateCreated\" datetime=\"2022-03-04\">") == "2022-03-04")
        #expect(Self.published(head: "<meta name=\"pubdate\" datetime=\"2022-03-05T10:00:00Z\">") == "2022-03-05")
    }

    @Test func jsonLDInGraphArrayAndNestedMainEntity() {
        #expect(Self.published(head: Self.jsonLD("""
            {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},
             {"@type":"NewsArticle","headline":"Story","datePublished":"2021-04-05T08:00:00+02:00"}]}
            """)) == "2021-04-05")
        #expect(Self.published(head: Self.jsonLD("""
            [{"@type":"BreadcrumbList"},{"@type":"BlogPosting","datePublished":"2020-01-02"}]
            """)) == "2020-01-02")
        #expect(Self.published(head: Self.jsonLD("""
            {"@type":"WebPage","mainEntity":[{"@type":"Article","datePublished":"2019-07-08T10:00:00Z"}]}
            """)) == "2019-07-08")
    }

    @Test func brokenJSONLDStillGivesItsDate() {
        // A trailing comma and an unescaped quote: not JSON, but the date is there.
        #expect(Self.published(head: Self.jsonLD("""
            {"@type":"NewsArticle","headline":"A "quoted" word","datePublished" : "2022-02-03T10:00:00+01:00",}
            """)) == "2022-02-03")
    }

    @Test func articleObjectOutranksAWebPageDate() {
        #expect(Self.published(head: Self.jsonLD("""
            [{"@type":"WebPage","datePublished":"2018-01-01"},{"@type":"NewsArticle","datePublished":"2018-03-09"}]
            """)) == "2018-03-09")
    }

    @Test func publishedTimeMetaOutranksArticleJSONLD() {
        // The JSON-LD keeps the draft's date; the OpenGraph time is when the story went live.
        let head = "<meta property=\"article:published_time\" content=\"2023-11-06T14:25:00+00:00\">"
            + Self.jsonLD("""
                {"@type":"NewsArticle","headline":"Story","datePublished":"2023-11-03T10:25:56+00:00"}
                """)
        #expect(Self.published(head: head) == "2023-11-06")
    }

    @Test(arguments: [
        "article:published_time", "og:article:published_time", "dc.date.issued", "DC.Date", "dcterms.issued",
        "citation_publication_date", "pubdate", "publish-date", "publish_date", "sailthru.date", "parsely-pub-date",
        "article.published", "originalpublicationdate", "datecreated", "date", "DC.Issued", "og:regDate",
    ])
    func metaNameFamilies(name: String) {
        let attribute = name.contains(":") ? "property" : "name"
        #expect(Self.published(head: "<meta \(attribute)=\"\(name)\" content=\"2017-10-06T09:30:00\">") == "2017-10-06")
    }

    @Test func compactRegistrationStampAndModifiedOnlyFallback() {
        // A portal's registration time written as one digit run: date and time, not an id.
        #expect(Self.published(head: "<meta property=\"og:regDate\" content=\"20210820030646\">") == "2021-08-20")
        // A page that states only when it was last modified was published by then.
        #expect(Self.published(head: "<meta name=\"lastmodified\" content=\"2018-02-05\">") == "2018-02-05")
        #expect(Self.published(head: "<meta itemprop=\"dateUpdate\" content=\"2018-02-06\">") == "2018-02-06")
    }

    @Test func itempropOnMetaAndRDFaOnSpan() {
        #expect(Self.published(head: "<meta itemprop=\"datePublished\" content=\"2016-02-03\">") == "2016-02-03")
        #expect(Self.published(body: "<h1>Story</h1><span property=\"schema:datePublished\" content=\"2015-06-07T10:00:00+00:00\">June</span>")
                == "2015-06-07")
        #expect(Self.published(body: "<h1>Story</h1><abbr class=\"published\" title=\"2016-12-23T05:11:00-05:00\">5:11 AM</abbr>")
                == "2016-12-23")
    }

    @Test func timeNearTheHeadlineBeatsOneInASidebar() {
        let body = """
            <aside class="sidebar"><ul><li><a href="/a">Older story</a> <time datetime="2021-01-01T10:00">1 Jan</time></li></ul></aside>
            <article><header><h1>Story</h1><time datetime="2021-03-04T09:00">4 March</time></header></article>
            """
        #expect(Self.published(body: body) == "2021-03-04")
    }

    @Test func aDateInATeaserNextToASectionHeadingIsAnotherStory() {
        // The page's `<h1>` is its section; the teasers under it date other stories.
        let teaser = """
            <div class="node node-article node-teaser"><h2><a href="/b">Another story</a></h2>
            <div class="field field-datetime">05/12/2020 - 15:10</div></div>
            """
        #expect(Self.published(head: "<meta name=\"DC.date.issued\" content=\"2020-12-06T12:32:58+00:00\">",
                               body: "<h1>Football</h1>\(teaser)", lang: "es") == "2020-12-06")
    }

    @Test func aDataDateAttributeNextToTheHeadline() {
        // The date only a script shows: `data-date` on an element under the headline.
        #expect(Self.published(body: """
            <article><header><h1>Story</h1><div class="timeline"><div data-date="18. März 2020" class="arrow"></div></div>
            </header></article>
            """, lang: "de") == "2020-03-18")
        #expect(Self.published(body: "<h1>Story</h1><span data-published=\"3 February 2021\"></span>") == "2021-02-03")
    }

    @Test func aDataDateAttributeAwayFromTheHeadlineIsNot() {
        // Calendar cells and teaser lists carry `data-date` by the dozen.
        let calendar = (1...3).map { "<td data-date=\"2020-01-0\($0)\">\($0)</td>" }.joined()
        let filler = (1...60).map { "<p>Paragraph \($0) of the story.</p>" }.joined()
        #expect(Self.published(body: """
            <h1>Story</h1><span class="time">3 hours ago</span>\(filler)<div><table><tr>\(calendar)</tr></table></div>
            """) == "2024-05-10")
        #expect(Self.published(body: """
            <h1>Story</h1><span class="time">3 hours ago</span><aside><table class="calendar"><tr>\(calendar)</tr></table></aside>
            """) == "2024-05-10")
    }

    @Test(arguments: [
        ("https://news.example/2019/11/18/some-story/", "2019-11-18"),
        ("https://news.example/section/2019-11-18-some-story", "2019-11-18"),
        ("https://news.example/20191118/some-story", "2019-11-18"),
        ("https://blog.example/2017/7/12/some-story", "2017-07-12"),
    ])
    func urlPathDates(url: String, expected: String) {
        #expect(Self.published(head: "<link rel=\"canonical\" href=\"\(url)\">") == expected)
        #expect(Self.published(url: url) == expected)
    }

    @Test(arguments: [
        ("en", "November 18, 2019"), ("en", "Posted on Nov. 18th, 2019 at 5:49 p.m."), ("en", "Monday, 18 November 2019"),
        ("de", "18. November 2019, 10:02 Uhr"), ("de", "Veröffentlicht am 18.11.2019"), ("de", "18.11.19"),
        ("fr", "Publié le 18 novembre 2019"), ("es", "18 de noviembre de 2019"), ("it", "18 novembre 2019"),
        ("pt", "18 de novembro de 2019"), ("nl", "18 november 2019"), ("pl", "18 listopada 2019"),
        ("cs", "18. listopadu 2019"), ("hu", "2019. november 18."), ("ja", "2019年11月18日"), ("sv", "18 november 2019"),
    ])
    func visibleDatelinesInManyLanguages(lang: String, text: String) {
        #expect(Self.published(body: "<h1>Story</h1><p class=\"byline\">\(text)</p>", lang: lang) == "2019-11-18")
    }

    @Test func numericDatesFollowThePageConvention() {
        let body = { (text: String) in "<h1>Story</h1><div class=\"date\">\(text)</div>" }
        #expect(Self.published(body: body("03/04/2019"), lang: "en-US") == "2019-03-04")
        #expect(Self.published(body: body("03/04/2019"), lang: "en-GB") == "2019-04-03")
        #expect(Self.published(body: body("03/04/2019"), lang: "fr") == "2019-04-03")
        #expect(Self.published(body: body("13/04/2019"), lang: "en-US") == "2019-04-13")
        #expect(Self.published(body: body("04/13/2019"), lang: "de") == "2019-04-13")
        #expect(Self.published(body: body("03.04.2019"), lang: "en-US") == "2019-04-03")
    }

    @Test func relativeDatesCountFromTheFetchTime() {
        let body = { (text: String) in "<h1>Story</h1><span class=\"time\">\(text)</span>" }
        #expect(Self.published(body: body("vor 3 Stunden"), lang: "de") == "2024-05-10")
        #expect(Self.published(body: body("il y a 2 jours"), lang: "fr") == "2024-05-08")
        #expect(Self.published(body: body("Published 11 hours ago")) == "2024-05-09")
        #expect(Self.published(body: body("hace 3 días"), lang: "es") == "2024-05-07")
        #expect(Self.published(body: body("Gestern, 18:30 Uhr"), lang: "de") == "2024-05-09")
        #expect(Self.published(body: body("Today 08:15")) == "2024-05-10")
        // A counted-back date is the weakest signal: any absolute one wins.
        #expect(Self.published(body: "<h1>Story</h1><span class=\"time\">vor 3 Stunden</span><p class=\"meta\">3. Mai 2024</p>",
                               lang: "de") == "2024-05-03")
    }

    @Test(arguments: [
        ("en", "Last update 07.03.2021"), ("da", "Opdateret 07.03.2021"), ("fi", "Päivitetty 07.03.2021"),
        ("ro", "Actualizat 07.03.2021"), ("hu", "Frissítve 07.03.2021"), ("tr", "Güncellenme 07.03.2021"),
        ("ru", "Обновлено 07.03.2021"),
    ])
    func updateLabelsInMoreLanguages(lang: String, label: String) {
        // The first date under the headline is the update; the publication comes second.
        let article = Self.extract(body: "<h1>Story</h1><div class=\"date\">\(label)</div><div class=\"date\">02.03.2021</div>",
                                   lang: lang)
        #expect(Self.day(article.published) == "2021-03-02")
        #expect(DateLabel.of(Array(label.utf8).dropLast(10)) == .modified)
    }

    @Test(arguments: ["Erstveröffentlichung: ", "Udgivet ", "Julkaistu ", "Publicat ", "Опубликовано "])
    func publicationLabelsInMoreLanguages(label: String) {
        #expect(DateLabel.of(Array(label.utf8)[...]) == .published)
    }

    @Test(arguments: ["submitted", "autor", "parution", "haber-tarih"])
    func moreDateClassNames(name: String) {
        // Away from the headline only a date-ish class makes a text date a candidate at all; an
        // absolute one then outranks "3 hours ago".
        let filler = (1...60).map { "<p>Paragraph \($0) of the story.</p>" }.joined()
        #expect(Self.published(body: """
            <h1>Story</h1><span class="time">3 hours ago</span>\(filler)<div class="\(name)">03.02.2020</div>
            """, lang: "de") == "2020-02-03")
    }

    @Test func wordsAroundATimeElementLabelIt() {
        // Neither element's markup says which date is which; the words next to them do.
        let before = Self.extract(body: """
            <h1>Story</h1><p><span>Updated:</span> <time datetime="2021-03-05T10:00">5 March</time>
            · <span>Published:</span> <time datetime="2021-03-01T09:00">1 March</time></p>
            """)
        #expect(Self.day(before.published) == "2021-03-01")
        #expect(Self.day(before.modified) == "2021-03-05")
        let inside = Self.extract(body: """
            <h1>Story</h1><time datetime="2021-03-05T10:00">Updated 5 March</time> <time datetime="2021-03-01T09:00">1 March</time>
            """)
        #expect(Self.day(inside.published) == "2021-03-01")
    }

    @Test func updatedIsNotThePublicationDate() {
        let article = Self.extract(body: """
            <h1>Story</h1><p class="meta">Updated March 5, 2021</p><p class="meta">Published March 1, 2021</p>
            """)
        #expect(Self.day(article.published) == "2021-03-01")
        #expect(Self.day(article.modified) == "2021-03-05")
        let german = Self.extract(body: "<h1>Story</h1><div class=\"datum\">Aktualisiert am 07.03.2021</div><div class=\"datum\">02.03.2021</div>",
                                  lang: "de")
        #expect(Self.day(german.published) == "2021-03-02")
        let meta = Self.extract(head: """
            <meta property="article:modified_time" content="2021-06-02T10:00:00Z">
            <meta property="og:updated_time" content="2021-06-03T10:00:00Z">
            <meta property="article:published_time" content="2021-05-30T10:00:00Z">
            """, body: "<h1>Story</h1>")
        #expect(Self.day(meta.published) == "2021-05-30")
        #expect(Self.day(meta.modified) == "2021-06-02")
    }

    /// A date the update label follows ("November 28, 2013 -- Updated 0203 GMT") is the day of
    /// the update: it used to outrank the page's `pubdate` meta as a dateline under the headline.
    @Test func aDateFollowedByAnUpdateLabelIsTheUpdate() {
        let article = Self.extract(head: "<meta name=\"pubdate\" content=\"2013-11-27T08:36:32Z\">", body: """
            <h1>Story</h1><div class="timestamp">November 28, 2013 -- Updated 0203 GMT (1003 HKT)</div><p>Text.</p>
            """)
        #expect(Self.day(article.published) == "2013-11-27")
        #expect(Self.day(article.modified) == "2013-11-28")
        #expect(Self.published(head: "<meta name=\"date\" content=\"2021-03-01\">",
                               body: "<h1>Story</h1><p class=\"date\">5. März 2021 · Aktualisiert 14:02</p>", lang: "de") == "2021-03-01")
        // With a second date after the label, the first one is the publication.
        #expect(Self.published(head: "<meta name=\"date\" content=\"2021-02-20\">",
                               body: "<h1>Story</h1><p class=\"date\">March 3, 2021 | Updated March 5, 2021</p>") == "2021-03-03")
        // A label of something else after the date changes nothing.
        #expect(Self.published(head: "<meta name=\"date\" content=\"2021-02-20\">",
                               body: "<h1>Story</h1><p class=\"date\">March 3, 2021 | Comments 4</p>") == "2021-03-03")
    }

    @Test func futureAndPre1995DatesAreRejected() {
        #expect(Self.published(head: "<meta property=\"article:published_time\" content=\"2030-01-01T00:00:00Z\">",
                               body: "<h1>Story</h1><p class=\"date\">4 May 2024</p>") == "2024-05-04")
        #expect(Self.published(head: "<meta name=\"date\" content=\"1970-01-01\">",
                               body: "<h1>Story</h1><p class=\"date\">4 May 2023</p>") == "2023-05-04")
        #expect(Self.published(head: "<meta name=\"date\" content=\"2024-05-11T09:00:00\">") == "2024-05-11")
        #expect(Self.published(head: "<meta name=\"date\" content=\"2024-05-12T09:00:00\">") == nil)
    }

    @Test func structuredDateWinsOverTheVisibleOne() {
        #expect(Self.published(head: Self.jsonLD("{\"@type\":\"NewsArticle\",\"datePublished\":\"2020-05-02T10:00:00+02:00\"}"),
                               body: "<h1>Story</h1><p class=\"date\">1 April 2020</p>") == "2020-05-02")
    }

    @Test func aNearDatelineBeatsAGenericMetaDate() {
        #expect(Self.published(head: "<meta name=\"date\" content=\"2020-02-12\">",
                               body: "<h1>Story</h1><div class=\"news-timedata\">05.02.2020</div>", lang: "de") == "2020-02-05")
    }

    @Test func thePermalinkDayCapsALaterStructuredDate() {
        #expect(Self.published(head: Self.jsonLD("{\"@type\":\"Article\",\"datePublished\":\"2019-06-17T18:28:00+02:00\"}")
                               + "<link rel=\"canonical\" href=\"https://blog.example/2017/7/12/story\">") == "2017-07-12")
    }

    @Test func aUTCTimestampTakesThePublishersDay() {
        let late = Self.jsonLD("{\"@type\":\"NewsArticle\",\"datePublished\":\"2023-11-09T02:11:03Z\"}")
        #expect(Self.published(head: late) == "2023-11-09")
        #expect(Self.published(head: late + "<link rel=\"canonical\" href=\"https://news.example/2023/11/08/story/\">")
                == "2023-11-08")
        #expect(Self.published(head: late, body: "<h1>Story</h1><time datetime=\"2023-11-08T21:11:03-05:00\">Nov 8</time>")
                == "2023-11-08")
        // Midday UTC cannot be the day before anywhere news is written.
        #expect(Self.published(head: Self.jsonLD("{\"@type\":\"NewsArticle\",\"datePublished\":\"2023-11-03T11:04:00Z\"}"),
                               body: "<h1>Story</h1><p class=\"date\">Nov 2, 2023</p>") == "2023-11-03")
    }

    @Test func aDatelineUnderTheHeadlineBeatsTheMastheadDate() {
        let body = """
            <div class="header-date">Tuesday, 08 Dec 2020</div><h1>Site</h1>
            <p>Some navigation text here</p><h1>Story</h1><div class="meta">13 Oct 2020 18:29</div>
            """
        #expect(Self.published(body: body) == "2020-10-13")
    }

    @Test func aDateMentionedInProseIsNotADateline() {
        let body = """
            <h1>Story</h1><p>The ministry had announced the plan in a long statement on 3 May 2019, and critics have been asking for details about its cost ever since then.</p>
            """
        #expect(Self.published(body: body) == nil)
    }
}
