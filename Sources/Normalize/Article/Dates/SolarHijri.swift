/// The Solar Hijri (Persian, Jalali) calendar of Iran and Afghanistan: Persian pages write
/// their datelines in it ("۲ تیر ۱۳۹۹", "2 تير 1399 - 12:09"), and without it such a page has
/// no readable date at all (1399 is no plausible Gregorian year).
///
/// A day and year around a Persian month name are Solar Hijri (the names belong to this calendar
/// alone), and so is a numeric year-first date ("1399/04/02") in `numericYears`: no web page is
/// dated 1300-1440 AD, and a Lunar Hijri year of the web era (1441 on) is left alone: read as
/// Solar it would fall decades ahead and be dropped as implausible. Conversion is the 33-year
/// arithmetic rule, exact for the years news is written in.
enum SolarHijri {
    /// Years of a numeric year-first date read as Solar Hijri (1921-2062 AD).
    static let numericYears = 1300...1440

    /// Month names with the Persian and the Arabic spellings of yeh and kaf, and the Dari
    /// (Afghan) names.
    private static let names: [String: Int] = {
        let table: [(Int, [String])] = [
            (1, ["فروردین", "حمل"]), (2, ["اردیبهشت", "ثور"]), (3, ["خرداد", "جوزا"]),
            (4, ["تیر", "سرطان"]), (5, ["مرداد", "امرداد", "اسد"]), (6, ["شهریور", "سنبله"]),
            (7, ["مهر", "میزان"]), (8, ["آبان", "عقرب"]), (9, ["آذر", "قوس"]),
            (10, ["دی", "جدی"]), (11, ["بهمن", "دلو"]), (12, ["اسفند", "حوت"]),
        ]
        var names: [String: Int] = [:]
        for (month, spellings) in table {
            for spelling in spellings {
                names[spelling] = month
                // Arabic yeh (U+064A) and kaf (U+0643), as many Persian sites still type them.
                names[String(spelling.map { $0 == "ی" ? "ي" : $0 == "ک" ? "ك" : $0 })] = month
            }
        }
        return names
    }()

    /// The Solar Hijri month (1...12) a word names.
    static func month(_ word: ArraySlice<UInt8>) -> Int? {
        // Every name is Arabic script (two bytes a letter), two to eight letters.
        guard word.count >= 4, word.count <= 16, let first = word.first, first >= 0xD8 && first <= 0xDB else { return nil }
        return names[String(decoding: word, as: UTF8.self)]
    }

    /// The Gregorian date of Solar Hijri `year`/`month`/`day`, when that day exists.
    static func gregorian(year: Int, month: Int, day: Int) -> WrittenDate? {
        guard (1300...1500).contains(year), (1...12).contains(month), day >= 1,
              day <= (month <= 6 ? 31 : 30) else { return nil }
        let shifted = year + 1595
        let days = -355668 + 365 * shifted + (shifted / 33) * 8 + ((shifted % 33) + 3) / 4 + day
            + (month < 7 ? (month - 1) * 31 : (month - 7) * 30 + 186)
        // `days - 365` is the proleptic Gregorian ordinal (0001-01-01 is day 1; 1970-01-01 is 719163).
        return WrittenDate.fromDayNumber(days - 365 - 719163)
    }
}
