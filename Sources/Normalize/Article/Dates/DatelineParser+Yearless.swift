/// A day and month written without a year right under a headline: "[06月24日 11時30分]",
/// "24. Juni, 11:30", "June 24": many sites leave the year out of this year's stories.
///
/// Such a date names no day by itself; `PublicationDateFinder` gives it a year only when the
/// page offers nothing better than a guess, from the date that guess names (`YearlessDate`).
/// Only the unambiguous shapes are read: 月/日 marks, or a month name next to the day; a bare
/// "24.06." is as often a score or a price.
extension DatelineParser {
    struct DayAndMonth: Equatable {
        var month: Int
        var day: Int
    }

    /// The day and month opening `bytes` (after at most a bracket or a weekday, "Mo., ") that no year
    /// follows: a dateline, not a date a sentence mentions ("seit dem 1. September").
    func scanYearless(_ bytes: ArraySlice<UInt8>) -> DayAndMonth? {
        let text = DateTokens(bytes, limit: 40)
        let tokens = text.tokens
        for index in tokens.indices.prefix(4) {
            var found: (DayAndMonth, Int)?
            if let month = number(tokens, index, digits: 1...2), isMark(tokens, index + 1, "M"),
               let day = number(tokens, index + 2, digits: 1...2), isMark(tokens, index + 3, "D") {
                // 06月24日 (a year before it, 2019年, makes it a full date: not this one).
                guard index == 0 || !isMark(tokens, index - 1, "Y") else { return nil }
                found = (DayAndMonth(month: month, day: day), index + 4)
            } else if tokens[index].kind == .word, let month = month(text, index),
                      let day = number(tokens, skip(text, index + 1, "."), digits: 1...2) {
                found = (DayAndMonth(month: month, day: day), skip(text, index + 1, ".") + 1)
            } else if let day = number(tokens, index, digits: 1...2), let month = month(text, skip(text, index + 1, ".")) {
                found = (DayAndMonth(month: month, day: day), skip(text, index + 1, ".") + 1)
            }
            guard let (date, end) = found else { continue }
            // A year after it ("24. Juni 2019", "June 24, 2019"): a full date, read elsewhere.
            if number(tokens, skip(text, end, ".,"), digits: 4...4) != nil { return nil }
            // Only a time may follow ("11時30分", "11:30 Uhr", "at 5:30 p.m."): words after it make a sentence.
            let words = tokens[min(end, tokens.count)...].filter { $0.kind == .word }
            guard words.count <= 3, words.allSatisfy({ $0.length <= 3 }) else { return nil }
            guard (1...12).contains(date.month), date.day >= 1, date.day <= WrittenDate.days(in: date.month, year: 2000)
            else { continue }
            return date
        }
        return nil
    }
}
