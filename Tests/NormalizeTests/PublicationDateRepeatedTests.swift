import Foundation
import Testing
@testable import Normalize

/// The final guess from the dates the raw markup repeats (`PageDatePatterns`), reached only
/// when nothing else dates the page.
@Suite("Publication date: repeated dates in the markup")
struct PublicationDateRepeatedTests {
    private static func published(_ body: String) -> String? {
        PublicationDateSignalsTests.published(body: body)
    }

    @Test func aRedirectPageIsDatedByTheCompactDateInItsTarget() {
        #expect(Self.published("""
            <p>You will be connected in a moment</p>
            <script>location.href="https://example.org/20200428/a-story?attempt=1";</script>
            """) == "2020-04-28")
    }

    @Test func theMostFrequentLinkDateWins() {
        #expect(Self.published("""
            <h1>Story</h1><a href="/2020/04/28/story">Story</a> <a href="/2020/04/28/story#comments">Comments</a>
            <a href="/2020/04/28/story/print">Print</a> <a href="/2019/01/02/older">An older one</a>
            """) == "2020-04-28")
    }

    /// A URL-encoded icon's path data ("%2001.3.1") holds an escaped space, not a year.
    @Test func percentEscapesAreNotDates() {
        let icon = "<img src=\"data:image/svg+xml,%3Cpath%20d=%22M49.4a.5.5%200%2001.3.1c.08.06%22/%3E\">"
        #expect(Self.published("<h1>Story</h1>" + String(repeating: icon, count: 5)) == nil)
    }

    @Test func aDateBeforeTheCopyrightYearIsNotThePublication() {
        #expect(Self.published("""
            <h1>Story</h1><a href="/2019/05/06/a">A</a> <a href="/2019/05/06/a#top">A</a> <a href="/2021/03/04/b">B</a>
            <footer>&copy; 2021 Example Media</footer>
            """) == "2021-03-04")
        #expect(Self.published("""
            <h1>Story</h1><a href="/2019/05/06/a">A</a> <a href="/2019/05/06/a#top">A</a> <a href="/2021/03/04/b">B</a>
            """) == "2019-05-06")
    }

    @Test func selectionPrefersALaterYearWhenNearlyAsFrequent() {
        let early = WrittenDate(year: 2015, month: 1, day: 1)!.dayNumber
        let late = WrittenDate(year: 2020, month: 6, day: 1)!.dayNumber
        #expect(PageDatePatterns.select([early: 3, late: 2]) == late)
        #expect(PageDatePatterns.select([early: 4, late: 2]) == early)
        #expect(PageDatePatterns.select([early: 2, late: 2]) == early)
    }

    /// The page's own permalink in its share and comment links, against a widget's older posts
    /// listed once each: the date repeated far more than any other wins.
    @Test func aDominantDateWinsOverEarlierOnes() {
        let own = WrittenDate(year: 2019, month: 10, day: 31)!.dayNumber
        let older = [WrittenDate(year: 2013, month: 4, day: 1)!, WrittenDate(year: 2013, month: 6, day: 29)!,
                     WrittenDate(year: 2018, month: 2, day: 7)!].map(\.dayNumber)
        var counts = Dictionary(uniqueKeysWithValues: older.map { ($0, 1) })
        counts[own] = 6
        #expect(PageDatePatterns.select(counts) == own)
        // Not dominant (three against two): the earliest frequent dates compete as before.
        counts[own] = 2
        #expect(PageDatePatterns.select(counts) == older[0])
        let links = (0..<4).map { _ in "<a href=\"/2019/10/31/own/#respond\">x</a>" }.joined()
        #expect(Self.published("<h1>Story</h1><ul><li><a href=\"/2013/04/01/old\">old</a></li></ul>" + links) == "2019-10-31")
    }

    @Test func numericDatesInTextAreCounted() {
        let html = Data("<div>Termin 03.04.2019, Termin 03.04.2019, Stand 2018</div>".utf8)
        let found = PageDatePatterns.find(in: html, dayFirst: true) { _ in true }
        #expect(found.map { [$0.year, $0.month, $0.day] } == [2019, 4, 3])
    }

    @Test func aSpecificSignalStillWins() {
        #expect(Self.published("""
            <h1>Story</h1><p class="date">5 March 2021</p><a href="/2020/04/28/x">x</a><a href="/2020/04/28/y">y</a>
            """) == "2021-03-05")
    }
}

/// A framework's script state (`ScriptStateDates`), read when no metadata, markup or URL dates the page.
@Suite("Publication date: script state")
struct PublicationDateScriptStateTests {
    private static func published(_ body: String) -> String? {
        PublicationDateSignalsTests.published(body: body)
    }

    @Test func aPublicationKeyInAStateBlobIsRead() {
        #expect(Self.published("""
            <h1>Story</h1><script id="__NEXT_DATA__" type="application/json">{"props":{"article":
            {"title":"Story","publishedAt":"2020-05-14T07:00:00+02:00","author":"A"}}}</script>
            """) == "2020-05-14")
        #expect(Self.published("""
            <h1>Story</h1><script>window.state = JSON.parse("{\\"story\\":{\\"datePublished\\":\\"2019-03-02\\"}}");</script>
            """) == "2019-03-02")
    }

    @Test func theFirstKeyInTheDocumentWins() {
        #expect(Self.published("""
            <h1>Story</h1><script>var page = {"pubDate":"2021-06-07T10:00:00Z",
            "related":[{"datePublished":"2021-01-02"}]};</script>
            """) == "2021-06-07")
    }

    @Test func accountDatesUnixTimesAndLongerKeysAreNot() {
        let html = Data("""
            <script>var user = {"created_at":"2018-01-02","publishedAt":1582671600,"published_at":"1582671600",
            "pubDateLabel":"2017-04-05"};</script>
            """.utf8)
        #expect(ScriptStateDates.first(in: html, dayFirst: true) { _ in true } == nil)
    }

    @Test func aVisibleDatelineStillWins() {
        #expect(Self.published("""
            <h1>Story</h1><p class="date">5 March 2021</p><script>var s = {"publishedAt":"2020-01-01"};</script>
            """) == "2021-03-05")
    }
}

/// The raw-markup scanners on cut-off and random input: no trap, no answer from a fragment.
@Suite("Publication date: raw scanners on hostile input")
struct PublicationDateRawScannerHostileTests {
    @Test(arguments: ["2019-11-", "12.03.", "2019/11/", "&copy; 20", "\u{00A9}", "\"publishedAt\\", "\"pubDate\": \"",
                      "<meta", "<meta content=\"2019-11-18\"", "20191", ""])
    func cutOffInputGivesNothing(text: String) {
        let html = Data(text.utf8)
        #expect(PageDatePatterns.find(in: html, dayFirst: true) { _ in true } == nil)
        #expect(ScriptStateDates.first(in: html, dayFirst: true) { _ in true } == nil)
    }

    @Test func randomBytesAreSafe() {
        var generator = SplitMix64(seed: 15)
        for _ in 0..<50 {
            let bytes = (0..<2048).map { _ in UInt8(truncatingIfNeeded: generator.next() % 7 == 0 ? 0x30 + generator.next() % 10 : generator.next()) }
            _ = PageDatePatterns.find(in: Data(bytes), dayFirst: false) { _ in true }
            _ = ScriptStateDates.first(in: Data(bytes), dayFirst: false) { _ in true }
        }
    }
}

/// Whether the record says its date is only a guess.
@Suite("Publication date: a guess is marked")
struct PublicationDateGuessTests {
    @Test func onlyTheRepeatedMarkupDateIsAGuess() {
        let guessed = PublicationDateSignalsTests.extract(body: "<h1>Story</h1><a href=\"/2020/04/28/a\">a</a>")
        #expect(PublicationDateSignalsTests.day(guessed.published) == "2020-04-28")
        #expect(guessed.publishedIsGuess)
        let stated = PublicationDateSignalsTests.extract(body: "<h1>Story</h1><p class=\"date\">5 March 2021</p>")
        #expect(stated.published != nil && !stated.publishedIsGuess)
    }

    /// The other fallbacks are guesses too, so a feed's date beats them in the pipeline: an
    /// update date standing in for the publication, and a timestamp only the raw markup holds.
    @Test func updateDatesAndRawTimestampsAreGuesses() {
        let updated = PublicationDateSignalsTests.extract(body: "<h1>Story</h1><p>Updated 5 March 2021</p><p>Text of the story.</p>")
        #expect(PublicationDateSignalsTests.day(updated.published) == "2021-03-05")
        #expect(updated.publishedIsGuess)
        let raw = PublicationDateSignalsTests.extract(
            body: "<h1>Story</h1><p>Text of the story.</p><script>window.state = {t: \"2021-03-05T10:00:00Z\"}</script>")
        #expect(PublicationDateSignalsTests.day(raw.published) == "2021-03-05")
        #expect(raw.publishedIsGuess)
    }
}
