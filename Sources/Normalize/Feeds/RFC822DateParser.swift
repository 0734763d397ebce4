import Foundation

/// RFC 822 / 2822 / 1123 dates and the sloppy forms feeds really carry (see ``FeedDate``).
///
/// Tokenizes on spaces and commas, then recognises each token by shape, so the order of day and
/// month, a missing day name, or an asctime-style `Tue Jan  2 10:04:05 2024` all parse.
enum RFC822DateParser {
    static func parse(_ bytes: [UInt8]) -> Date? {
        var day: Int?, month: Int?, year: Int?
        var hour = 0, minute = 0, second = 0
        var sawTime = false
        var offset = 0
        for token in tokens(bytes) {
            guard let first = token.first else { continue }
            if FeedDate.isDigit(first) && token.contains(UInt8(ascii: ":")) {
                guard !sawTime, let time = parseTime(token) else { return nil }
                (hour, minute, second) = time
                sawTime = true
            } else if token.allSatisfy(FeedDate.isDigit) {
                // Saturates: no date field reaches a million, and a long digit run must not
                // overflow `Int` (found by fuzzing: a trap on `<pubDate>` of 19+ digits).
                let value = token.reduce(0) { min($0 * 10 + Int($1 - 48), 1_000_000) }
                if day == nil && token.count <= 2 && (year == nil || month != nil) {
                    day = value
                } else if year == nil {
                    year = expandYear(value, digits: token.count)
                } else {
                    return nil
                }
            } else if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
                guard let zone = numericOffset(token) else { return nil }
                offset = zone
            } else if isLetter(first) {
                let letters = token.prefix(while: isLetter)
                let word = String(decoding: letters, as: UTF8.self).lowercased()
                if month == nil, let number = monthNumber(word) {
                    month = number
                } else if isDayName(word) {
                    continue
                } else if let zone = zoneOffset(token) {
                    offset = zone
                }
                // Any other word (`at`, an unknown zone) is ignored: the zone then stays UTC.
            } else {
                return nil
            }
        }
        guard let day, let month, let year else { return nil }
        guard
            let seconds = FeedDate.epochSeconds(
                year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                offsetSeconds: offset)
        else { return nil }
        return Date(timeIntervalSince1970: Double(seconds))
    }

    /// Splits on spaces, tabs and commas; `02-Jan-24` (RFC 850) becomes three tokens.
    private static func tokens(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        for piece in bytes.split(whereSeparator: { $0 == 32 || $0 == 9 || $0 == UInt8(ascii: ",") }) {
            if let first = piece.first, FeedDate.isDigit(first), piece.contains(UInt8(ascii: "-")),
                !piece.contains(UInt8(ascii: ":"))
            {
                result.append(contentsOf: piece.split(separator: UInt8(ascii: "-")))
            } else if let first = piece.first, FeedDate.isDigit(first), let dash = piece.firstIndex(where: {
                $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
            }), piece.contains(UInt8(ascii: ":")) {
                // `10:04:05+0200`: a time with its zone glued on.
                result.append(piece[piece.startIndex..<dash])
                result.append(piece[dash...])
            } else {
                result.append(piece)
            }
        }
        return result
    }

    private static func parseTime(_ token: ArraySlice<UInt8>) -> (Int, Int, Int)? {
        let parts = token.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        var values: [Int] = []
        for (index, part) in parts.enumerated() {
            // Seconds may carry a fraction (`05.123`), which RFC 822 never had; it is dropped.
            let digits = index == 2 ? part.prefix(while: FeedDate.isDigit) : part[...]
            guard !digits.isEmpty, digits.count <= 2, digits.allSatisfy(FeedDate.isDigit) else { return nil }
            values.append(digits.reduce(0) { $0 * 10 + Int($1 - 48) })
        }
        return (values[0], values[1], values.count == 3 ? values[2] : 0)
    }

    private static func expandYear(_ value: Int, digits: Int) -> Int {
        switch digits {
        case 1, 2: value < 50 ? 2000 + value : 1900 + value
        case 3: 1900 + value
        default: value
        }
    }

    /// `+0200`, `-05:00`, `+02`, `+2`.
    static func numericOffset<C: Collection<UInt8>>(_ token: C) -> Int? {
        guard let first = token.first else { return nil }
        let sign = first == UInt8(ascii: "-") ? -1 : 1
        let digits = token.dropFirst().filter { $0 != UInt8(ascii: ":") }
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(FeedDate.isDigit) else { return nil }
        let value = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
        let (hours, minutes) = digits.count <= 2 ? (value, 0) : (value / 100, value % 100)
        guard hours <= 14, minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    /// A zone name, possibly with an offset glued on (`GMT+2`, `UTC-05:00`), in seconds east of UTC.
    static func zoneOffset<C: Collection<UInt8>>(_ token: C) -> Int? {
        let letters = token.prefix(while: isLetter)
        let name = String(decoding: letters, as: UTF8.self).uppercased()
        let rest = token.dropFirst(letters.count)
        guard let base = namedZones[name] ?? militaryZone(name) else { return nil }
        if rest.isEmpty { return base * 60 }
        guard let extra = numericOffset(rest) else { return nil }
        return base * 60 + extra
    }

    private static func militaryZone(_ name: String) -> Int? {
        guard name.count == 1, let scalar = name.unicodeScalars.first, scalar != "J" else { return nil }
        let value = Int(scalar.value)
        switch scalar {
        case "A"..."I": return (value - 64) * 60
        case "K"..."M": return (value - 65) * 60
        case "N"..."Y": return -(value - 77) * 60
        default: return nil
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    private static func monthNumber(_ word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"]
        if let index = names.firstIndex(where: { $0.hasPrefix(word) }) { return index + 1 }
        // `Sept` is common enough to name.
        return word == "sept" ? 9 : nil
    }

    private static func isDayName(_ word: String) -> Bool {
        guard word.count >= 2 else { return false }
        let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        return names.contains { $0.hasPrefix(word) } || ["tues", "thur", "thurs"].contains(word)
    }

    /// Offsets in minutes east of UTC.
    private static let namedZones: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "WET": 0,
        "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
        "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600, "AST": -240, "ADT": -180,
        "NST": -210, "NDT": -150,
        "BST": 60, "IST": 330, "WEST": 60, "CET": 60, "MET": 60, "CEST": 120, "MEST": 120, "EET": 120,
        "EEST": 180, "MSK": 180, "SGT": 480, "HKT": 480, "AWST": 480, "JST": 540, "KST": 540,
        "ACST": 570, "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780,
    ]
}
