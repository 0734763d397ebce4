/// Finds calendar dates written out in text: "18. November 2019", "18 novembre 2019",
/// "18 de noviembre de 2019", "November 18th, 2019", "18 listopada 2019", "2019. november 18.",
/// "2019年11月18日", numeric "18.11.2019", "18.11.19", "11/18/2019", "2019-11-18", and the
/// Solar Hijri "۲ تیر ۱۳۹۹" (`SolarHijri`).
///
/// Numbers on both sides of a month name decide its role, so one set of shapes covers every
/// language in `MonthNames`. An all-numeric date whose first two parts could both be the day
/// is read with `dayFirst` (the page's convention); dotted dates are always day first, and a
/// part above 12 settles it either way.
struct DatelineParser {
    struct Found {
        var date: WrittenDate
        /// Byte offset in the scanned text where the date starts.
        var start: Int
        /// Byte offset of the first token after the date (its time not counted), or the end.
        var end: Int
    }

    var dayFirst = true
    /// Metadata mode: "Mon Oct 11 14:57:21 CEST 2021" — the year may follow the time.
    var loose = false

    /// Dates in `bytes`, in text order; at most `limit`.
    func scan(_ bytes: ArraySlice<UInt8>, limit: Int = 4) -> [Found] {
        let text = DateTokens(bytes)
        let tokens = text.tokens
        var found: [Found] = []
        var index = 0
        while index < tokens.count && found.count < limit {
            if let (date, end) = match(text, at: index) {
                let after = end < tokens.count ? tokens[end].start : bytes.endIndex
                found.append(Found(date: withTime(date, text, from: end), start: tokens[index].start, end: after))
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    func number(_ tokens: [DateTokens.Token], _ index: Int, digits: ClosedRange<Int>) -> Int? {
        guard index < tokens.count, tokens[index].kind == .number, digits.contains(tokens[index].length)
        else { return nil }
        return tokens[index].value
    }

    func isMark(_ tokens: [DateTokens.Token], _ index: Int, _ marks: String) -> Bool {
        guard index < tokens.count, tokens[index].kind == .mark else { return false }
        return marks.utf8.contains(UInt8(truncatingIfNeeded: tokens[index].value))
    }

    static let fillers: Set<String> = ["st", "nd", "rd", "th", "er", "e", "de", "del", "o", "º", "ª", "of"]
    /// The ASCII `fillers`, read without making a `String`.
    private static let asciiFillers = ASCIIWordTable(Dictionary(uniqueKeysWithValues: fillers.map { ($0, 1) }))

    static func isFiller(_ word: ArraySlice<UInt8>) -> Bool {
        if let key = ASCIIWordTable.Key(word) { return asciiFillers.value(key) != nil }
        return fillers.contains(String(decoding: word, as: UTF8.self).lowercased())
    }

    /// Skips marks in `marks` and filler words ("de", ordinals) from `index`.
    func skip(_ text: DateTokens, _ index: Int, _ marks: String) -> Int {
        var index = index
        var steps = 0
        while index < text.tokens.count && steps < 4 {
            let token = text.tokens[index]
            if token.kind == .mark && isMark(text.tokens, index, marks) {
                index += 1
            } else if token.kind == .word, token.length <= 3, Self.isFiller(text.word(token)) {
                index += 1
            } else {
                break
            }
            steps += 1
        }
        return index
    }

    func month(_ text: DateTokens, _ index: Int) -> Int? {
        guard index < text.tokens.count, text.tokens[index].kind == .word else { return nil }
        return MonthNames.month(text.word(text.tokens[index]))
    }

    private func year(_ value: Int, digits: Int) -> Int { digits == 4 ? value : (value < 70 ? 2000 + value : 1900 + value) }

    /// The date starting at token `index` and the index just past it.
    private func match(_ text: DateTokens, at index: Int) -> (WrittenDate, Int)? {
        let tokens = text.tokens
        let token = tokens[index]
        // A month name is only looked up when a day number follows it.
        if token.kind == .word, token.length >= 3, token.length <= MonthNames.maximumBytes,
           number(tokens, isMark(tokens, index + 1, ".-") ? index + 2 : index + 1, digits: 1...2) != nil,
           let month = month(text, index) {
            // November 18th, 2019 / Nov. 18 2019 / Nov-18-2019
            var next = skip(text, index + 1, ".-")
            guard let day = number(tokens, next, digits: 1...2) else { return nil }
            next = skip(text, next + 1, ".,-")
            if let year = number(tokens, next, digits: 4...4) {
                return WrittenDate(year: year, month: month, day: day).map { ($0, next + 1) }
            }
            guard loose else { return nil }
            for probe in next..<min(tokens.count, next + 10) {
                if let year = number(tokens, probe, digits: 4...4) {
                    return WrittenDate(year: year, month: month, day: day).map { ($0, probe + 1) }
                }
            }
            return nil
        }
        guard token.kind == .number else { return nil }
        // Part of a longer run ("v1.2.2019", "K10011959"), not a date of its own.
        if index > 0, !token.spaced, tokens[index - 1].kind != .mark { return nil }
        if token.length == 4 {
            // 2019-11-18, 2019/11/18, 2019.11.18, 2019年11月18日
            if isMark(tokens, index + 1, "-/.Y"), let month = number(tokens, index + 2, digits: 1...2),
               isMark(tokens, index + 3, "-/.M"), let day = number(tokens, index + 4, digits: 1...2) {
                // 1399/04/02: no web page is dated 1300-1440 AD; Persian pages are, in the Solar Hijri calendar.
                if SolarHijri.numericYears.contains(token.value) {
                    return SolarHijri.gregorian(year: token.value, month: month, day: day).map { ($0, index + 5) }
                }
                return WrittenDate(year: token.value, month: month, day: day).map { ($0, index + 5) }
            }
            // 2019. november 18.
            let next = skip(text, index + 1, ".,")
            if let month = month(text, next), let day = number(tokens, skip(text, next + 1, "."), digits: 1...2) {
                return WrittenDate(year: token.value, month: month, day: day).map { ($0, skip(text, next + 1, ".") + 1) }
            }
            return nil
        }
        guard token.length <= 2 else { return nil }
        // 18.11.2019, 11/18/2019, 18-11-19, 18 | 11 | 2019
        if isMark(tokens, index + 1, "./-|"), let second = number(tokens, index + 2, digits: 1...2),
           index + 3 < tokens.count, tokens[index + 3].kind == .mark,
           tokens[index + 3].value == tokens[index + 1].value {
            let separator = UInt8(truncatingIfNeeded: tokens[index + 1].value)
            let yearDigits: ClosedRange<Int> = separator == UInt8(ascii: "-") || separator == UInt8(ascii: "|") ? 4...4 : 2...4
            guard let rawYear = number(tokens, index + 4, digits: yearDigits), tokens[index + 4].length != 3,
                  !(isMark(tokens, index + 5, ".") && number(tokens, index + 6, digits: 1...9) != nil
                    && !(index + 6 < tokens.count && tokens[index + 6].spaced)) else { return nil }
            let first = token.value
            let dayFirst: Bool
            if separator == UInt8(ascii: ".") || first > 12 { dayFirst = true }
            else if second > 12 { dayFirst = false }
            else { dayFirst = self.dayFirst }
            let year = year(rawYear, digits: tokens[index + 4].length)
            let date = dayFirst ? WrittenDate(year: year, month: second, day: first)
                : WrittenDate(year: year, month: first, day: second)
            return date.map { ($0, index + 5) }
        }
        // 18. November 2019, 18 de noviembre de 2019, 18th Nov 2019, 18-Nov-2019
        var next = skip(text, index + 1, ".-")
        // ۲ تیر ۱۳۹۹: a Persian month name dates in the Solar Hijri calendar.
        if next < tokens.count, tokens[next].kind == .word, let solarMonth = SolarHijri.month(text.word(tokens[next])) {
            next = skip(text, next + 1, ".,-")
            guard let year = number(tokens, next, digits: 4...4) else { return nil }
            return SolarHijri.gregorian(year: year, month: solarMonth, day: token.value).map { ($0, next + 1) }
        }
        guard let month = month(text, next) else { return nil }
        next = skip(text, next + 1, ".,-")
        guard let year = number(tokens, next, digits: 4...4) else { return nil }
        return WrittenDate(year: year, month: month, day: token.value).map { ($0, next + 1) }
    }

    /// A time right after the date ("18.11.2019 10:02", "November 8, 2023 at 5:49 p.m.").
    private func withTime(_ date: WrittenDate, _ text: DateTokens, from index: Int) -> WrittenDate {
        let tokens = text.tokens
        var probe = index
        while probe < min(tokens.count, index + 4) {
            if let hour = number(tokens, probe, digits: 1...2), isMark(tokens, probe + 1, ":"),
               let minute = number(tokens, probe + 2, digits: 2...2), hour < 24, minute < 60 {
                var hour = hour
                if probe + 3 < tokens.count, tokens[probe + 3].kind == .word {
                    let suffix = text.word(tokens[probe + 3]).first.map { $0 | 0x20 }
                    if suffix == UInt8(ascii: "p") && hour < 12 { hour += 12 }
                    if suffix == UInt8(ascii: "a") && hour == 12 { hour = 0 }
                }
                var date = date
                date.time = hour * 3600 + minute * 60
                return date
            }
            probe += 1
        }
        return date
    }
}
