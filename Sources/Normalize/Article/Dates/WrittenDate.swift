import Foundation

/// A calendar date as a page writes it, with the time of day and zone offset when given.
///
/// Pages date their articles in the publisher's own calendar: "18 November 2019" is the day
/// the paper printed, whatever the UTC instant. The finder therefore keeps the date as written
/// (the wall clock) and the offset separately, so that a UTC timestamp late in the evening can
/// be matched with the local day that the URL or the dateline names.
struct WrittenDate: Equatable, Sendable {
    var year: Int
    var month: Int
    var day: Int
    /// Seconds since local midnight, when the text gave a time.
    var time: Int?
    /// Seconds east of UTC, when the text gave a zone.
    var offset: Int?

    init?(year: Int, month: Int, day: Int, time: Int? = nil, offset: Int? = nil) {
        guard (1...12).contains(month), day >= 1, day <= WrittenDate.days(in: month, year: year),
              (1000...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.time = time
        self.offset = offset
    }

    static func days(in month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of the written day (Howard Hinnant's days-from-civil).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// The date and time as written, labelled UTC: what the record keeps.
    var wallClock: Date {
        Date(timeIntervalSince1970: TimeInterval(dayNumber * 86400 + (time ?? 0)))
    }

    /// The instant, when the text said which zone it meant.
    var instant: Date? {
        guard let offset else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(dayNumber * 86400 + (time ?? 0) - offset))
    }

    /// The day `dayNumber` (days since 1970-01-01) as a civil date.
    static func fromDayNumber(_ number: Int, time: Int? = nil) -> WrittenDate? {
        let z = number + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return WrittenDate(year: year, month: month, day: day, time: time)
    }
}
