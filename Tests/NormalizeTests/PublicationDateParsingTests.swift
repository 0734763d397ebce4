import Foundation
import Testing
@testable import Normalize

/// The small readers the publication-date finder is built from.
@Suite("Publication date parsing")
struct PublicationDateParsingTests {
    static func dateline(_ text: String, dayFirst: Bool = true) -> [String] {
        var parser = DatelineParser()
        parser.dayFirst = dayFirst
        return parser.scan(Array(text.utf8)[...]).map { String(format: "%04d-%02d-%02d", $0.date.year, $0.date.month, $0.date.day) }
    }

    @Test(arguments: [
        ("18 novembre 2019", ["2019-11-18"]), ("Nov 18th, 2019", ["2019-11-18"]), ("18th of November 2019", ["2019-11-18"]),
        ("am 18.11.2019 um 10:02", ["2019-11-18"]), ("2019-11-18T10:02", ["2019-11-18"]), ("2019/11/18", ["2019-11-18"]),
        ("18 ноября 2019", ["2019-11-18"]), ("18 Kasım 2019", ["2019-11-18"]), ("2019년 11월 18일", ["2019-11-18"]),
        ("الأربعاء، 07 أكتوبر 2020 - 12:09 م", ["2020-10-07"]), ("18 Νοεμβρίου 2019", ["2019-11-18"]),
        ("Bonn,\u{00A0}11.10.2021", ["2021-10-11"]), ("18-Nov-2019", ["2019-11-18"]), ("Nov-18-2019", ["2019-11-18"]), ("from 1 May 2019 to 3 June 2019", ["2019-05-01", "2019-06-03"]),
        ("26 | 01 | 2022", ["2022-01-26"]),
        // Maghreb month names (Tunisia, Algeria, Morocco): French-derived, not the Egyptian ones.
        ("الجمعة 8 فيفري 2019", ["2019-02-08"]), ("15 جوان 2021", ["2021-06-15"]), ("3 أوت 2020", ["2020-08-03"]),
    ])
    func writtenDates(text: String, expected: [String]) {
        #expect(Self.dateline(text) == expected)
    }

    /// Month names of `MonthNames.moreLanguages`, each in its language's usual dateline.
    @Test(arguments: [
        "18. studenoga 2019.", "18. novembra 2019", "18. listopadu 2019", "18 ноември 2019", "18. новембар 2019.",
        "18 лістапада 2019", "18 בנובמבר 2019", "18 نومبر 2019", "18 نوامبر 2019", "18 நவம்பர் 2019",
        "18 నవంబర్ 2019", "18 ನವೆಂಬರ್ 2019", "18 നവംബർ 2019", "18 ਨਵੰਬਰ 2019", "18 ନଭେମ୍ବର 2019",
        "18. detsember 2019", "18 Disember 2019", "18 Nobyembre 2019", "18 Novemba 2019", "18 noyabr 2019",
        "18 nëntor 2019", "18. nóvember 2019", "2019. szept. 18.", "18 de decembro de 2019", "lapkričio 18, 2019",
    ])
    func monthsOfMoreLanguages(text: String) {
        let month = text.contains("szept") ? "09" : text.lowercased().contains("dec") || text.contains("detsember")
            || text.contains("Disember") ? "12" : "11"
        #expect(Self.dateline(text) == ["2019-\(month)-18"])
    }

    @Test(arguments: ["version 1.2.2019.5", "192.168.1.10", "31.02.2019", "Call 12/30", "K10011959621000", "May 2019", "13.13.2019", "Seite 1 | 2 | 19"])
    func thingsThatAreNotDates(text: String) {
        #expect(Self.dateline(text).isEmpty)
    }

    @Test func ambiguousNumericDatesUseTheConvention() {
        #expect(Self.dateline("03/04/2019", dayFirst: true) == ["2019-04-03"])
        #expect(Self.dateline("03/04/2019", dayFirst: false) == ["2019-03-04"])
        #expect(Self.dateline("03.04.2019", dayFirst: false) == ["2019-04-03"])
        #expect(Self.dateline("26/10/18", dayFirst: false) == ["2018-10-26"])
    }

    @Test func aOneDigitSecondsFieldStillKeepsItsZone() throws {
        // "23:15:0Z": a CMS that drops the seconds' leading zero still says UTC.
        let stamp = try #require(MetadataDateText.parse("2020-12-05T23:15:0Z", dayFirst: true))
        #expect(stamp.offset == 0 && stamp.time == 23 * 3600 + 15 * 60)
        // So the page's own day under the headline moves the UTC evening to the publisher's day.
        #expect(PublicationDateSignalsTests.published(
            head: PublicationDateSignalsTests.jsonLD(#"{"@type":"NewsArticle","datePublished":"2020-12-05T23:15:0Z"}"#),
            body: "<h1>Story</h1><p itemprop=\"datePublished\" class=\"data\">06 dicembre 2020</p>", lang: "it") == "2020-12-06")
    }

    @Test func metadataKeepsTheWrittenDayAndTheZoneApart() throws {
        let evening = try #require(MetadataDateText.parse("2023-11-08T21:11:03-05:00", dayFirst: true))
        #expect(evening.day == 8 && evening.time == 21 * 3600 + 11 * 60 + 3 && evening.offset == -5 * 3600)
        #expect(evening.instant == Date(timeIntervalSince1970: 1_699_495_863))
        let plain = try #require(MetadataDateText.parse("2019-12-09 20:00:49", dayFirst: true))
        #expect(plain.offset == nil && plain.day == 9)
        let java = try #require(MetadataDateText.parse("Mon Oct 11 14:57:21 CEST 2021", dayFirst: true))
        #expect(java.year == 2021 && java.month == 10 && java.day == 11)
        let rfc = try #require(MetadataDateText.parse("Sat, 19 Oct 2019 00:04:00 +0200", dayFirst: true))
        #expect(rfc.day == 19 && rfc.month == 10)
        #expect(MetadataDateText.parse("06/13/2019", dayFirst: false)?.month == 6)
        // Unix time, seconds or milliseconds (2020-02-25 02:25:54 UTC); a longer id is not a date.
        #expect(MetadataDateText.parse("1582597554", dayFirst: true)?.day == 25)
        #expect(MetadataDateText.parse("1582597554000", dayFirst: true)?.day == 25)
        #expect(MetadataDateText.parse("158259755412", dayFirst: true) == nil)
        // Fourteen digits: date and time run together; a fifteenth makes it an id.
        let compact = try #require(MetadataDateText.parse("20210820030646", dayFirst: true))
        #expect(compact.year == 2021 && compact.month == 8 && compact.day == 20 && compact.time == 3 * 3600 + 6 * 60 + 46)
        #expect(MetadataDateText.parse("202108200306461", dayFirst: true) == nil)
        #expect(MetadataDateText.parse("20210820996646", dayFirst: true) == nil)
    }

    @Test(arguments: [
        ("https://x.example/2019/11/18/story", "2019-11-18"), ("https://x.example/a/2019-11-18-story", "2019-11-18"),
        ("https://x.example/20191118/story", "2019-11-18"), ("https://x.example/2019/11/story", "2019-11"),
        ("https://x.example/story-201911181234", nil), ("https://x.example/item?id=20191118", nil),
        ("https://2019.example/11/18/story", nil), ("https://x.example/k10011959621000.html", nil),
    ] as [(String, String?)])
    func urlDates(url: String, expected: String?) {
        let found = URLDate.find(url)
        let text = found.map { found in
            found.day.map { String(format: "%04d-%02d-%02d", found.year, found.month, $0) }
                ?? String(format: "%04d-%02d", found.year, found.month)
        }
        #expect(text == expected)
    }

    @Test func relativeDatesNeedAnAgoWord() {
        let reference = Date(timeIntervalSince1970: 1_715_335_200)  // 2024-05-10 10:00 UTC
        func day(_ text: String) -> Int? { RelativeDate.find(Array(text.utf8)[...], reference: reference)?.day }
        #expect(day("3 hours ago") == 10)
        #expect(day("vor 2 Tagen") == 8)
        #expect(day("il y a 1 jour") == 9)
        #expect(day("2 giorni fa") == 8)
        #expect(day("há 4 dias") == 6)
        #expect(day("3 dagen geleden") == 7)
        #expect(day("2 dni temu") == 8)
        #expect(day("for 3 days") == nil)
        #expect(day("3 hours") == nil)
    }

    /// The same in more languages and scripts, the "ago" word before or after the count.
    @Test(arguments: [
        ("Вчера, 18:30", 9), ("Bugün 10:02", 10), ("어제 18:30", 9), ("昨天 18:30", 9),
        ("2 дня назад", 8), ("15 часов назад", 9), ("2 дні тому", 8), ("2 gün önce", 8), ("2 ngày trước", 8),
        ("před 2 dny", 8), ("prije 2 dana", 8), ("acum 2 zile", 8), ("fa 2 dies", 8), ("2 päivää sitten", 8),
        ("منذ 2 أيام", 8), ("πριν 2 ημέρες", 8), ("לפני 2 ימים", 8), ("2 روز پیش", 8), ("15시간 전", 9), ("2 hari lalu", 8), ("15 jam yang lalu", 9),
        ("2 hari yang", nil),
    ] as [(String, Int?)])
    func relativeDatesOfMoreLanguages(text: String, expected: Int?) {
        let reference = Date(timeIntervalSince1970: 1_715_335_200)  // 2024-05-10 10:00 UTC
        #expect(RelativeDate.find(Array(text.utf8)[...], reference: reference)?.day == expected)
    }

    @Test func labelsTellPublishedFromUpdated() {
        func label(_ text: String) -> DateLabel { DateLabel.of(Array(text.utf8)[...]) }
        #expect(label("Updated: ") == .modified)
        #expect(label("Mis à jour le ") == .modified)
        #expect(label("Zuletzt aktualisiert am ") == .modified)
        #expect(label("Published ") == .published)
        #expect(label("Publicado el ") == .published)
        #expect(label("Published 3 May, updated ") == .modified)
        #expect(label("By Jane Doe, ") == .neutral)
    }

    /// Labels of more languages and scripts: a Korean page's two stamps, Japanese and Chinese
    /// ones, Greek, Hebrew, Arabic, South Slavic, Ukrainian and Indonesian.
    @Test(arguments: [
        ("입력 ", DateLabel.published), ("기사입력 : ", .published), ("수정 ", .modified), ("최종수정 ", .modified),
        ("公開日：", .published), ("配信 ", .published), ("发布时间：", .published), ("更新日：", .modified),
        ("最終更新 ", .modified), ("Δημοσιεύθηκε: ", .published), ("Ενημερώθηκε: ", .modified),
        ("פורסם: ", .published), ("עודכן: ", .modified), ("آخر تحديث: ", .modified), ("Objavljeno: ", .published),
        ("Ažurirano: ", .modified), ("Оновлено: ", .modified), ("Опубліковано ", .published),
        ("Diperbarui ", .modified), ("Diterbitkan ", .published),
    ])
    func labelsOfMoreLanguages(text: String, expected: DateLabel) {
        #expect(DateLabel.of(Array(text.utf8)[...]) == expected)
    }

    @Test func civilDayArithmeticRoundTrips() {
        for number in stride(from: 9000, to: 21000, by: 37) {
            #expect(WrittenDate.fromDayNumber(number)?.dayNumber == number)
        }
        #expect(WrittenDate(year: 2019, month: 2, day: 29) == nil)
        #expect(WrittenDate(year: 2020, month: 2, day: 29) != nil)
    }

    @Test func aDaySplitFromItsMonthIsJoined() {
        let html = """
            <html lang="de"><body><h1>Story</h1><div class="post-date"><b>26</b><br>Okt 2018</div>
            <p>\(ArticleFixtureLoader.prose.joined(separator: "</p><p>"))</p></body></html>
            """
        let article = ArticleExtractor().extract(ArticleInput(html: Data(html.utf8)))
        #expect(PublicationDateSignalsTests.day(article.published) == "2018-10-26")
    }
}
