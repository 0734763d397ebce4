public import Foundation

/// Parses the date formats news pages use in metadata: ISO 8601 with or without time,
/// fraction and zone (`2019-11-18T10:02:00.000+0000`, `2019-11-18 10:02`, `20191118`), and
/// RFC 1123 (`Mon, 18 Nov 2019 10:02:00 GMT`). Hand-written because `DateFormatter` is slow
/// and strict about exactly the variations pages show.
public enum DateParser {
    /// The instant a metadata date string names (UTC when it carries no zone), or nil.
    public static func parse(_ raw: String) -> Date? {
        let bytes = Array(raw.utf8.prefix(64))
        guard bytes.count >= 8 else { return nil }
        if let date = iso8601(bytes) { return date }
        return rfc1123(bytes)
    }

    private static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for index in start..<start + count {
            let byte = bytes[index]
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    private static func iso8601(_ bytes: [UInt8]) -> Date? {
        var index = 0
        while index < bytes.count && bytes[index] == 0x20 { index += 1 }
        guard let year = digits(bytes, index, 4) else { return nil }
        index += 4
        let separated = index < bytes.count && (bytes[index] == 0x2D || bytes[index] == 0x2F)
        if separated { index += 1 }
        guard let month = digits(bytes, index, 2) else { return nil }
        index += 2
        if separated {
            guard index < bytes.count, bytes[index] == 0x2D || bytes[index] == 0x2F else { return nil }
            index += 1
        }
        guard let day = digits(bytes, index, 2) else { return nil }
        index += 2
        var hour = 0, minute = 0, second = 0
        var offset = 0
        if index < bytes.count && (bytes[index] == 0x54 || bytes[index] == 0x20 || bytes[index] == 0x74) {
            index += 1
            if let h = digits(bytes, index, 2) {
                hour = h
                index += 2
                if index < bytes.count && bytes[index] == 0x3A { index += 1 }
                if let m = digits(bytes, index, 2) {
                    minute = m
                    index += 2
                    if index < bytes.count && bytes[index] == 0x3A { index += 1 }
                    if let s = digits(bytes, index, 2) {
                        second = s
                        index += 2
                    }
                }
                if index < bytes.count && (bytes[index] == 0x2E || bytes[index] == 0x2C) {
                    index += 1
                    while index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
                }
                while index < bytes.count && bytes[index] == 0x20 { index += 1 }
                if index < bytes.count && (bytes[index] == 0x2B || bytes[index] == 0x2D) {
                    let sign = bytes[index] == 0x2D ? -1 : 1
                    index += 1
                    if let zh = digits(bytes, index, 2) {
                        index += 2
                        if index < bytes.count && bytes[index] == 0x3A { index += 1 }
                        let zm = digits(bytes, index, 2) ?? 0
                        offset = sign * (zh * 3600 + zm * 60)
                    }
                }
            }
        }
        return make(year: year, month: month, day: day, hour: hour, minute: minute,
                    second: second, offset: offset)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                 "oct", "nov", "dec"]

    private static func rfc1123(_ bytes: [UInt8]) -> Date? {
        let parts = String(decoding: bytes, as: UTF8.self)
            .split(whereSeparator: { $0 == " " || $0 == "," })
        guard parts.count >= 4 else { return nil }
        var index = Int(parts[0]) == nil ? 1 : 0
        guard index + 2 < parts.count, let day = Int(parts[index]),
              let month = months.firstIndex(of: String(parts[index + 1].prefix(3)).lowercased()),
              let year = Int(parts[index + 2]) else { return nil }
        index += 3
        var hour = 0, minute = 0, second = 0
        if index < parts.count {
            let time = parts[index].split(separator: ":").compactMap { Int($0) }
            if time.count >= 2 {
                hour = time[0]
                minute = time[1]
                second = time.count > 2 ? time[2] : 0
            }
        }
        return make(year: year, month: month + 1, day: day, hour: hour, minute: minute,
                    second: second, offset: 0)
    }

    /// Days-from-civil arithmetic (Howard Hinnant), avoiding Calendar on the hot path.
    private static func make(year: Int, month: Int, day: Int, hour: Int, minute: Int,
                             second: Int, offset: Int) -> Date? {
        guard (1900...2200).contains(year), (1...12).contains(month), (1...31).contains(day),
              hour < 24, minute < 60, second <= 60 else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = month
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146097 + dayOfEra - 719468
        let seconds = days * 86400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
