import Foundation
import Testing
@testable import Normalize

/// Dates written in other digits and another calendar: Persian and Arabic pages.
@Suite("Publication date calendars and digits")
struct PublicationDateCalendarTests {
    @Test(arguments: [
        // Persian digits and names; 2 Tir 1399 is 22 June 2020, 1 Farvardin 1399 is Nowruz.
        ("دوشنبه ۲ تیر ۱۳۹۹", ["2020-06-22"]), ("۱ فروردین ۱۳۹۹", ["2020-03-20"]),
        // ASCII digits and the Arabic yeh many Persian sites type ("تير"), a time after it.
        ("2 تير 1399 - 12:09:08", ["2020-06-22"]),
        // Esfand 30 of the leap year 1395 (20 March 2017, the eve of Nowruz 1396); Dey 11 1398 is New Year's Day 2020.
        ("۳۰ اسفند ۱۳۹۵", ["2017-03-20"]), ("۱۱ دی ۱۳۹۸", ["2020-01-01"]),
        // Dari (Afghan) month names: 10 Asad 1401 is 1 August 2022.
        ("۱۰ اسد ۱۴۰۱", ["2022-08-01"]),
        // Arabic-Indic digits around an Arabic (Gregorian) month name.
        ("الاثنين ١٢ أكتوبر ٢٠٢٠", ["2020-10-12"]),
        // Indian scripts: their own digits and Gregorian month names (Bengali, Hindi, Marathi, Gujarati).
        ("শনিবার, আগস্ট ২৯, ২০২০ |", ["2020-08-29"]), ("২৯ ফেব্রুয়ারি ২০২০", ["2020-02-29"]),
        ("29 अगस्त 2020", ["2020-08-29"]), ("२९ सितम्बर २०२०, १२:३०", ["2020-09-29"]),
        ("२९ ऑगस्ट २०२०", ["2020-08-29"]), ("૨૯ ઑગસ્ટ ૨૦૨૦", ["2020-08-29"]),
        // Digits alone, in Tamil and Thai: a numeric date.
        ("௨௯.௦௮.௨௦௨௦", ["2020-08-29"]), ("๒๙/๐๘/๒๐๒๐", ["2020-08-29"]),
        // A numeric year-first date of the Solar Hijri era, in either digits.
        ("۱۳۹۹/۰۴/۰۲", ["2020-06-22"]), ("1399-04-02 12:09", ["2020-06-22"]),
    ])
    func persianAndArabicDates(text: String, expected: [String]) {
        #expect(PublicationDateParsingTests.dateline(text) == expected)
    }

    @Test(arguments: ["۳۲ تیر ۱۳۹۹", "۲ تیر", "تیر ۱۳۹۹", "۵ اسد", "۱۳۹۹/۱۳/۰۲"])
    func persianTextsThatAreNoDates(text: String) {
        #expect(PublicationDateParsingTests.dateline(text).isEmpty)
    }

    @Test func aBengaliDatelineDatesThePage() {
        #expect(PublicationDateSignalsTests.published(
            body: "<h1>খবর</h1><div class=\"meta\"><i class=\"fa fa-calendar\"></i> শনিবার, আগস্ট ২৯, ২০২০ | ৯:৪৬ পূর্বাহ্ণ</div>",
            lang: "bn") == "2020-08-29")
    }

    @Test func aPersianDatelineDatesThePage() {
        // The only date on the page is the Solar Hijri one under the headline.
        #expect(PublicationDateSignalsTests.published(
            body: "<h1>خبر</h1><div class=\"date\">۲ تیر ۱۳۹۹ - ۱۲:۰۹</div>", lang: "fa") == "2020-06-22")
        #expect(PublicationDateSignalsTests.published(
            body: "<h1>خبر</h1><span class=\"news-date\">2 تير 1399 - 12:09:08 ب.ظ</span>", lang: "fa") == "2020-06-22")
    }
}
