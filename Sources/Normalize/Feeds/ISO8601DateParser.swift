import Foundation

/// ISO 8601 / RFC 3339 dates (see ``FeedDate`` for the accepted forms). Works on UTF-8 bytes.
enum ISO8601DateParser {
    static func parse(_ bytes: [UInt8]) -> Date? {
        var cursor = ByteCursor(bytes)
        guard let year = cursor.number(digits: 4), cursor.skip("-"),
            let month = cursor.number(digits: 2), cursor.skip("-"),
            let day = cursor.number(digits: 2)
        else { return nil }
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offset = 0
        if !cursor.atEnd, cursor.skip("T") || cursor.skip("t") || cursor.skip(" ") {
            guard let h = cursor.number(digits: 2), cursor.skip(":"), let m = cursor.number(digits: 2) else {
                return nil
            }
            hour = h
            minute = m
            if cursor.skip(":") {
                guard let s = cursor.number(digits: 2) else { return nil }
                second = s
                if cursor.skip(".") || cursor.skip(",") {
                    fraction = cursor.fraction()
                }
            }
            cursor.skipSpaces()
            if cursor.skip("Z") || cursor.skip("z") {
                offset = 0
            } else if let sign = cursor.sign() {
                guard let zoneHours = cursor.number(digits: 2) else { return nil }
                _ = cursor.skip(":")
                let zoneMinutes = cursor.number(digits: 2) ?? 0
                offset = sign * (zoneHours * 3600 + zoneMinutes * 60)
            } else if !cursor.atEnd {
                // A trailing zone name (`2024-01-02 10:00:00 GMT`) is read the RFC 822 way.
                offset = RFC822DateParser.zoneOffset(cursor.rest()) ?? 0
            }
        }
        guard
            let seconds = FeedDate.epochSeconds(
                year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                offsetSeconds: offset)
        else { return nil }
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }
}

/// A small forward scanner over ASCII bytes for the date parsers.
struct ByteCursor {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == 32 || bytes[index] == 9 { index += 1 }
    }

    /// Exactly `digits` decimal digits.
    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<digits {
            let byte = bytes[index + offset]
            guard FeedDate.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += digits
        return value
    }

    /// Decimal digits after a decimal point, as a fraction of one.
    mutating func fraction() -> Double {
        var value = 0.0
        var scale = 0.1
        while index < bytes.count, FeedDate.isDigit(bytes[index]) {
            value += Double(bytes[index] - 48) * scale
            scale /= 10
            index += 1
        }
        return value
    }

    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }

    func rest() -> [UInt8] { Array(bytes[index...]) }
}
