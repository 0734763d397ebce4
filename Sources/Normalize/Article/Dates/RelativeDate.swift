import Foundation

/// "Published 3 hours ago", "vor 3 Stunden", "il y a 2 jours", "hace 2 días", "2 ore fa",
/// "há 2 dias", "3 uur geleden", "2 dni temu", "for 3 timer siden", "3 часа назад", "منذ 3 ساعات",
/// "3시간 전": a count and a unit with the language's "ago" word before or after, turned into a
/// day against the reference time.
///
/// Such a date is only as good as the reference: the fetch time, when the page was fetched
/// live; a page saved long ago and read later gets the wrong day, so these rank last.
enum RelativeDate {
    /// Seconds per unit word, by lower-cased prefix, shortest unambiguous spelling.
    private static let units: [(String, Int)] = [
        ("sec", 1), ("sek", 1), ("seg", 1), ("min", 60), ("minut", 60), ("minuut", 60),
        ("hour", 3600), ("hr", 3600), ("h", 3600), ("stund", 3600), ("std", 3600), ("heure", 3600),
        ("hora", 3600), ("ora", 3600), ("ore", 3600), ("uur", 3600), ("godzin", 3600), ("timer", 3600),
        ("time", 3600), ("tim", 3600),
        ("day", 86400), ("tag", 86400), ("jour", 86400), ("día", 86400), ("dia", 86400),
        ("giorn", 86400), ("dag", 86400), ("dni", 86400), ("dzie", 86400),
        ("week", 604800), ("woche", 604800), ("semaine", 604800), ("semana", 604800),
        ("settiman", 604800), ("weken", 604800), ("tygod", 604800), ("uke", 604800), ("vecka", 604800),
        // Russian and Ukrainian, Turkish, Indonesian, Vietnamese, Czech, Croatian, Romanian,
        // Catalan, Finnish, Greek, Arabic, Hebrew, Persian, Korean.
        ("сек", 1), ("мин", 60), ("хвилин", 60), ("час", 3600), ("годин", 3600), ("дн", 86400), ("день", 86400),
        ("недел", 604800), ("тижн", 604800), ("saniye", 1), ("dakika", 60), ("saat", 3600), ("gün", 86400),
        ("hafta", 604800), ("detik", 1), ("menit", 60), ("jam", 3600), ("hari", 86400), ("minggu", 604800),
        ("giây", 1), ("phút", 60), ("giờ", 3600), ("ngày", 86400), ("tuần", 604800), ("hodin", 3600),
        ("dny", 86400), ("týdn", 604800), ("sat", 3600), ("dan", 86400), ("zile", 86400), ("hor", 3600),
        ("dies", 86400), ("tunti", 3600), ("päivä", 86400), ("viikko", 604800), ("λεπτ", 60), ("ώρ", 3600),
        ("ημέρ", 86400), ("μέρ", 86400), ("εβδομάδ", 604800), ("دقيقة", 60), ("دقائق", 60), ("ساعة", 3600),
        ("ساعات", 3600), ("يوم", 86400), ("أيام", 86400), ("דקה", 60), ("דקות", 60), ("שעה", 3600),
        ("שעות", 3600), ("יום", 86400), ("ימים", 86400), ("دقیقه", 60), ("ساعت", 3600), ("روز", 86400),
        ("분", 60), ("시간", 3600), ("주", 604800),
    ]
    /// "ago" words that follow the count ("3 hours ago") and ones that precede it ("vor 3 Stunden").
    private static let after: Set<String> = [
        "ago", "fa", "geleden", "temu", "siden", "sedan", "lalu", "назад", "тому", "önce", "trước", "sitten",
        "پیش", "전",
    ]
    private static let before: Set<String> = [
        "vor", "hace", "há", "ha", "a", "před", "pred", "prije", "acum", "fa", "πριν", "منذ", "לפני",
    ]

    /// "Today, 10:02" / "Gestern, 18:30 Uhr": a short dateline that opens with the day's name.
    private static let namedDays: [String: Int] = [
        "today": 0, "heute": 0, "aujourd": 0, "hoy": 0, "oggi": 0, "hoje": 0, "vandaag": 0, "dzisiaj": 0, "dziś": 0,
        "yesterday": 1, "gestern": 1, "hier": 1, "ayer": 1, "ieri": 1, "ontem": 1, "gisteren": 1, "wczoraj": 1,
        "сегодня": 0, "сьогодні": 0, "bugün": 0, "dnes": 0, "danas": 0, "idag": 0, "tänään": 0, "σήμερα": 0,
        "اليوم": 0, "היום": 0, "امروز": 0, "오늘": 0, "今天": 0,
        "вчера": 1, "вчора": 1, "dün": 1, "včera": 1, "jučer": 1, "juče": 1, "igår": 1, "eilen": 1, "χθες": 1,
        "أمس": 1, "אתמול": 1, "دیروز": 1, "어제": 1, "昨天": 1,
    ]

    /// The day `text` says relative to `reference`, or nil.
    static func find(_ bytes: ArraySlice<UInt8>, reference: Date) -> WrittenDate? {
        let text = DateTokens(bytes, limit: 60)
        let tokens = text.tokens
        let today = Int((reference.timeIntervalSince1970 / 86400).rounded(.down))
        if bytes.count <= 40, let first = tokens.first, first.kind == .word, let back = namedDays[lowered(text, 0)],
           tokens.contains(where: { $0.kind == .number }) {
            return WrittenDate.fromDayNumber(today - back)
        }
        for index in tokens.indices where tokens[index].kind == .number && tokens[index].length <= 3 {
            guard index + 1 < tokens.count, tokens[index + 1].kind == .word,
                  let seconds = unit(lowered(text, index + 1)) else { continue }
            let previous = index > 0 && tokens[index - 1].kind == .word ? lowered(text, index - 1) : ""
            let next = index + 2 < tokens.count && tokens[index + 2].kind == .word ? lowered(text, index + 2) : ""
            // "il y a": the word before the count is "a", preceded by "y".
            let frenchAgo = previous == "a" && index > 1 && tokens[index - 2].kind == .word && lowered(text, index - 2) == "y"
            // "3 jam yang lalu": Indonesian puts "yang" between the unit and "lalu".
            let indonesianAgo = next == "yang" && index + 3 < tokens.count && tokens[index + 3].kind == .word
                && lowered(text, index + 3) == "lalu"
            let agoBefore = before.contains(previous) && (previous != "a" || frenchAgo)
            guard after.contains(next) || indonesianAgo || agoBefore else { continue }
            let moment = reference.timeIntervalSince1970 - Double(tokens[index].value * seconds)
            let day = Int((moment / 86400).rounded(.down))
            return WrittenDate.fromDayNumber(day)
        }
        return nil
    }

    private static func lowered(_ text: DateTokens, _ index: Int) -> String {
        String(decoding: text.word(text.tokens[index]), as: UTF8.self).lowercased()
    }

    private static func unit(_ word: String) -> Int? {
        var best: (length: Int, seconds: Int) = (0, 0)
        for (prefix, seconds) in units where word.hasPrefix(prefix) && prefix.count > best.length {
            // "h" only alone: "hours" has its own entry.
            if prefix == "h" && word != "h" && word != "hs" { continue }
            best = (prefix.count, seconds)
        }
        return best.length > 0 ? best.seconds : nil
    }
}
