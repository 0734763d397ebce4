/// The date a URL path carries: `/2019/11/18/`, `/2019-11-18-slug`, `/20191118/`,
/// `/2019/11/` (month only, which can confirm but not give a day).
///
/// Content management systems put the publication day in permalinks; it is the publisher's
/// local day, which is why it can settle which calendar day a UTC timestamp fell on.
enum URLDate {
    struct Found: Equatable {
        var year: Int
        var month: Int
        /// Nil when the path names only a year and month.
        var day: Int?
    }

    static func find(_ url: String) -> Found? {
        // Only the path: hosts and query strings hold ids and cache busters.
        var bytes = Array(url.utf8.prefix(600))[...]
        if let scheme = bytes.firstIndex(of: UInt8(ascii: ":")), bytes[scheme...].starts(with: "://".utf8) {
            let hostStart = scheme + 3
            guard let pathStart = bytes[hostStart...].firstIndex(of: UInt8(ascii: "/")) else { return nil }
            bytes = bytes[pathStart...]
        }
        if let query = bytes.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            bytes = bytes[..<query]
        }
        var index = bytes.startIndex
        var monthOnly: Found?
        while index < bytes.endIndex {
            // A field starts after a path separator or a word separator.
            let boundary = index == bytes.startIndex || !isDigit(bytes[index - 1]) && !isLetter(bytes[index - 1])
            if boundary, let year = digits(bytes, index, 4), (1995...2099).contains(year) {
                let after = index + 4
                let separator = after < bytes.endIndex ? bytes[after] : 0
                if separator == UInt8(ascii: "/") || separator == UInt8(ascii: "-") || separator == UInt8(ascii: "_") {
                    if let month = digits(bytes, after + 1, 2) ?? digits(bytes, after + 1, 1).flatMap({ value in
                        after + 2 < bytes.endIndex && bytes[after + 2] == separator ? value : nil }) {
                        let monthEnd = after + 1 + (month >= 10 || bytes[after + 1] == UInt8(ascii: "0") ? 2 : 1)
                        if (1...12).contains(month), monthEnd <= bytes.endIndex,
                           monthEnd == bytes.endIndex || !isDigit(bytes[monthEnd]) {
                            if monthEnd < bytes.endIndex, bytes[monthEnd] == separator,
                               let day = dayField(bytes, monthEnd + 1),
                               WrittenDate(year: year, month: month, day: day) != nil {
                                return Found(year: year, month: month, day: day)
                            }
                            if monthOnly == nil, monthEnd == bytes.endIndex || bytes[monthEnd] == UInt8(ascii: "/") {
                                monthOnly = Found(year: year, month: month, day: nil)
                            }
                        }
                    }
                } else if let month = digits(bytes, after, 2), let day = digits(bytes, after + 2, 2),
                          after + 4 == bytes.endIndex || !isDigit(bytes[after + 4]),
                          WrittenDate(year: year, month: month, day: day) != nil {
                    return Found(year: year, month: month, day: day)
                }
            }
            index += 1
        }
        return monthOnly
    }

    /// One or two digits not followed by another digit.
    private static func dayField(_ bytes: ArraySlice<UInt8>, _ start: Int) -> Int? {
        if let day = digits(bytes, start, 2), start + 2 == bytes.endIndex || !isDigit(bytes[start + 2]) { return day }
        if let day = digits(bytes, start, 1), start + 1 == bytes.endIndex || !isDigit(bytes[start + 1]) { return day }
        return nil
    }

    private static func digits(_ bytes: ArraySlice<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start >= bytes.startIndex, start + count <= bytes.endIndex else { return nil }
        var value = 0
        for index in start..<start + count {
            guard isDigit(bytes[index]) else { return nil }
            value = value * 10 + Int(bytes[index] - 0x30)
        }
        return value
    }

    @inline(__always) private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    @inline(__always) private static func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A }
}
