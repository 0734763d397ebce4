import Foundation

/// Gives a day and month written without a year (`DatelineParser.DayAndMonth`) the year that
/// puts it nearest a date the page offers as a guess (an update date, a date in its links or
/// markup): a story is updated, linked and stamped within months of going up.
enum YearlessDate {
    /// Days apart at most: half a year (every day and month has a year that near, except 29
    /// February).
    static let maximumDistance = 183

    /// The latest day with that day and month on or before `reference` (the fetch time).
    static func latest(_ dayAndMonth: DatelineParser.DayAndMonth, by reference: Date) -> WrittenDate? {
        let today = Int((reference.timeIntervalSince1970 / 86400).rounded(.down))
        guard let year = WrittenDate.fromDayNumber(today)?.year else { return nil }
        return (year - 4...year).reversed().lazy.compactMap {
            WrittenDate(year: $0, month: dayAndMonth.month, day: dayAndMonth.day)
        }.first { $0.dayNumber <= today }
    }

    static func complete(_ dayAndMonth: DatelineParser.DayAndMonth, near guess: WrittenDate) -> WrittenDate? {
        var best: WrittenDate?
        for year in guess.year - 1...guess.year + 1 {
            guard let date = WrittenDate(year: year, month: dayAndMonth.month, day: dayAndMonth.day) else { continue }
            let distance = abs(date.dayNumber - guess.dayNumber)
            if distance <= maximumDistance, best.map({ abs($0.dayNumber - guess.dayNumber) > distance }) ?? true {
                best = date
            }
        }
        return best
    }
}
