import Foundation
import Testing
@testable import Normalize

/// A day and month without a year under the headline, completed from the page's guess.
@Suite("Publication date: a dateline without a year")
struct PublicationDateYearlessTests {
    static func yearless(_ text: String) -> DatelineParser.DayAndMonth? {
        DatelineParser().scanYearless(Array(text.utf8)[...])
    }

    @Test(arguments: ["[06月24日 11時30分]", "24. Juni, 11:30 Uhr", "June 24 at 5:30 p.m.", "Mo., 24. Juni"])
    func datelinesWithoutAYear(text: String) {
        #expect(Self.yearless(text) == DatelineParser.DayAndMonth(month: 6, day: 24))
    }

    @Test(arguments: ["24. Juni 2019", "2019年06月24日", "seit dem 1. September sieglos", "Am 25. Oktober gab es eine Aktion",
                      "31. Juni", "Seite 24", "Folge 24"])
    func notADatelineWithoutAYear(text: String) {
        #expect(Self.yearless(text) == nil)
    }

    @Test func theYearNearestTheGuess() throws {
        let june = DatelineParser.DayAndMonth(month: 6, day: 24)
        let guess = try #require(WrittenDate(year: 2019, month: 6, day: 19))
        #expect(YearlessDate.complete(june, near: guess) == WrittenDate(year: 2019, month: 6, day: 24))
        // Across New Year: an update on 5 January dates "30 December" in the year before.
        let december = DatelineParser.DayAndMonth(month: 12, day: 30)
        let january = try #require(WrittenDate(year: 2020, month: 1, day: 5))
        #expect(YearlessDate.complete(december, near: january) == WrittenDate(year: 2019, month: 12, day: 30))
        // 29 February exists only in 2020 of the years around mid-2019, nine months away: no year fits.
        let summer = try #require(WrittenDate(year: 2019, month: 6, day: 1))
        #expect(YearlessDate.complete(DatelineParser.DayAndMonth(month: 2, day: 29), near: summer) == nil)
    }

    @Test func theHeadlinesOwnDayBeatsADateItsLinksRepeat() {
        // The only full dates are in links to another version of the story, five days older.
        let links = (0..<3).map { "<a href=\"/news/html/20190619/k\($0).html\">普通のニュース</a>" }.joined()
        let page = PublicationDateSignalsTests.extract(
            body: "<h1>法律ができる</h1><p class=\"article-main__date\">[06月24日 11時30分]</p>\(links)", lang: "ja")
        #expect(PublicationDateSignalsTests.day(page.published) == "2019-06-24")
        #expect(page.publishedIsGuess)
    }

    @Test func withNothingElseTheFetchTimeLendsItsYear() throws {
        // Fetched 10 May 2024: "24 June" is last year's, "2 May" this year's; with no fetch time, nothing.
        #expect(PublicationDateSignalsTests.published(body: "<h1>Story</h1><p class=\"date\">June 24, 10:00</p>") == "2023-06-24")
        #expect(PublicationDateSignalsTests.published(body: "<h1>Story</h1><p class=\"date\">May 2, 10:00</p>") == "2024-05-02")
        // 29 February: the last leap year before the fetch.
        let day = try #require(YearlessDate.latest(DatelineParser.DayAndMonth(month: 2, day: 29), by: PublicationDateSignalsTests.fetchedAt))
        #expect(day == WrittenDate(year: 2024, month: 2, day: 29))
        let stored = ArticleExtractor().extract(ArticleInput(html: Data("<html><body><h1>Story</h1><p class=\"date\">May 2, 10:00</p><p>\(ArticleFixtureLoader.prose.joined(separator: "</p><p>"))</p></body></html>".utf8), url: nil, fetchedAt: nil))
        #expect(stored.published == nil)
    }

    @Test func anUpdateDateLendsItsYear() {
        let page = PublicationDateSignalsTests.extract(
            head: "<meta property=\"article:modified_time\" content=\"2020-01-05T10:00:00+01:00\">",
            body: "<h1>Die Geschichte</h1><div class=\"datum\">30. Dezember, 18:00 Uhr</div>", lang: "de")
        #expect(PublicationDateSignalsTests.day(page.published) == "2019-12-30")
    }
}
