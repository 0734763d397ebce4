public import Foundation

/// Parses the dates feeds, sitemaps and HTTP headers carry, without `DateFormatter` (slow, and
/// strict where real feeds are sloppy).
///
/// Accepted:
/// - RFC 822 / RFC 2822 / RFC 1123 (`Tue, 02 Jan 2024 10:04:05 GMT`) with the real-world variants:
///   day names in any case or full (`tuesday`), no day name, single-digit days, full month names,
///   missing seconds, missing time (midnight), two-digit years (00–49 → 20xx, 50–99 → 19xx, as
///   RFC 2822 says), numeric zones with or without a colon (`+0200`, `+02:00`, `+02`), and the
///   named zones `UT`, `UTC`, `GMT`, `Z`, the US zones (`EST`, `EDT`, `CST`, `CDT`, `MST`, `MDT`,
///   `PST`, `PDT`, and Alaska/Hawaii/Atlantic), a handful of common non-US ones (`BST`, `CET`,
///   `CEST`, `EET`, `EEST`, `JST`, `KST`, `AEST`, `AEDT` …, see `RFC822DateParser`; `IST` is India, +05:30), `GMT+2`
///   style, and the single-letter military zones in their real military meaning (`A` = +1 …
///   `M` = +12, `N` = −1 … `Y` = −12 — the signs of RFC 822's table are known to be inverted).
/// - ISO 8601 / RFC 3339 (`2024-01-02T10:04:05.123+02:00`), with or without fraction, with `T`,
///   `t` or a space between date and time, with `Z`, `±hh:mm`, `±hhmm` or `±hh`, and a bare date.
///
/// **A date without a time zone is taken as UTC.** Feeds that omit the zone are usually generated
/// by servers on UTC, and any choice based on the reader's own zone would make results depend on
/// the machine. An unknown zone name is also taken as UTC.
public enum FeedDate {
    /// The instant `string` names, or nil when it is not a date in any accepted form.
    public static func parse(_ string: String) -> Date? {
        var bytes = Array(string.utf8)
        trim(&bytes)
        guard !bytes.isEmpty, bytes.count < 100 else { return nil }
        if bytes.count >= 10, isDigit(bytes[0]), isDigit(bytes[1]), isDigit(bytes[2]), isDigit(bytes[3]),
            bytes[4] == UInt8(ascii: "-")
        {
            return ISO8601DateParser.parse(bytes)
        }
        if let seconds = RFC1123FastPath.epochSeconds(bytes) { return Date(timeIntervalSince1970: Double(seconds)) }
        return RFC822DateParser.parse(bytes)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    private static func trim(_ bytes: inout [UInt8]) {
        while let last = bytes.last, last <= 32 { bytes.removeLast() }
        var start = 0
        while start < bytes.count, bytes[start] <= 32 { start += 1 }
        if start > 0 { bytes.removeFirst(start) }
    }

    /// Seconds since 1970 for a proleptic Gregorian civil date-time in UTC, or nil when a field is
    /// out of range (Howard Hinnant's days-from-civil).
    static func epochSeconds(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offsetSeconds: Int
    ) -> Int? {
        guard (1...12).contains(month), (1...31).contains(day), (0...24).contains(hour), (0...59).contains(minute),
            (0...60).contains(second), (1...9999).contains(year)
        else { return nil }
        guard day <= daysIn(month: month, year: year) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146097 + dayOfEra - 719468
        // A leap second (:60) is folded onto the next second's instant.
        return days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
