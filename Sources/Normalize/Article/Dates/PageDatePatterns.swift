import Foundation

/// The very last guess, when no signal, text or timestamp dates the page: the full dates its
/// raw markup repeats most (`/2020/04/28/` in its own links, `20190624` in an id or a file
/// name, `2019-06-24` in an attribute), the way htmldate's `search_page` reads the serialized page.
///
/// Shapes are tried from the most specific down, and the first shape that occurs at all
/// decides: dates in URL paths, then `YYYY-MM-DD`, then `DD.MM.YYYY`, then `YYYYMMDD` between
/// non-digits. Within a shape a date repeated three times or more, and twice as often as any
/// other, wins; otherwise the most frequent dates compete; of the two earliest among them
/// the later one wins when it is in another year and at least half as frequent (a site's
/// template often repeats an old date, the page's own one is newer). A date before the page's
/// copyright year is not its publication, and `<meta>` tags are skipped: their dates were read
/// by name and passed over for a reason (an expiry). Only reached when the result would otherwise be
/// none, so on every page with a date it costs nothing.
enum PageDatePatterns {
    /// Bytes scanned at most.
    static let maximumBytes = 2 << 20
    /// Occurrences from which a date twice as frequent as every other one wins outright.
    static let dominantCount = 3
    /// Distinct dates kept per shape; a page listing more is an archive, not one article.
    static let maximumDistinct = 300

    enum Shape: Int, CaseIterable { case urlPath, yearFirst, dayFirst, compact }

    static func find(in html: Data, dayFirst: Bool, plausible: (WrittenDate) -> Bool) -> WrittenDate? {
        html.withUnsafeBytes { raw -> WrittenDate? in
            let bytes = UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self).prefix(maximumBytes))
            var counts = [[Int: Int]](repeating: [:], count: Shape.allCases.count)
            var copyright = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA9 {
                    copyright = max(copyright, yearAfterCopyright(bytes, index + 2))
                } else if byte == UInt8(ascii: "<"), index + 5 < bytes.count, bytes[index + 1] | 0x20 == UInt8(ascii: "m"),
                          bytes[index + 2] | 0x20 == UInt8(ascii: "e"), bytes[index + 3] | 0x20 == UInt8(ascii: "t"),
                          bytes[index + 4] | 0x20 == UInt8(ascii: "a") {
                    // Every `<meta>` date was read by its name, and passed over for a reason (an expiry).
                    while index < bytes.count && bytes[index] != UInt8(ascii: ">") { index += 1 }
                } else if byte == UInt8(ascii: "&"), startsWith(bytes, index, copyEntity) {
                    copyright = max(copyright, yearAfterCopyright(bytes, index + copyEntity.count))
                } else if isDigit(byte), index == 0 || !isDigit(bytes[index - 1]) {
                    let run = digitRun(bytes, index)
                    // "%2001.3.1" in a URL-encoded image is an escaped space and "01.3.1", no year.
                    let escaped = index > 0 && bytes[index - 1] == UInt8(ascii: "%")
                    if !escaped, let (shape, date) = match(bytes, index, run, dayFirst: dayFirst), plausible(date),
                       counts[shape.rawValue].count < maximumDistinct || counts[shape.rawValue][date.dayNumber] != nil {
                        counts[shape.rawValue][date.dayNumber, default: 0] += 1
                    }
                    index += run
                    continue
                }
                index += 1
            }
            for shape in Shape.allCases where !counts[shape.rawValue].isEmpty {
                let allowed = counts[shape.rawValue].filter { day, _ in
                    copyright == 0 || (WrittenDate.fromDayNumber(day)?.year ?? 0) >= copyright
                }
                if let day = select(allowed) { return WrittenDate.fromDayNumber(day) }
            }
            return nil
        }
    }

    /// Of the ten most frequent days, the earliest two: the later of them when it is in
    /// another year and at least half as frequent, else the earliest.
    static func select(_ counts: [Int: Int]) -> Int? {
        let frequent = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(10)
        // One date the markup repeats far more than any other (the page's own permalink in its
        // share and comment links) is the page's, however many older ones a widget lists once.
        if let top = frequent.first, top.value >= Self.dominantCount,
           frequent.dropFirst().allSatisfy({ $0.value * 2 <= top.value }) { return top.key }
        let earliest = frequent.sorted { $0.key < $1.key }.prefix(2)
        guard let first = earliest.first else { return nil }
        guard earliest.count == 2, let second = earliest.last, first.value != second.value else { return first.key }
        let firstYear = WrittenDate.fromDayNumber(first.key)?.year
        let secondYear = WrittenDate.fromDayNumber(second.key)?.year
        if firstYear != secondYear, Double(second.value) / Double(first.value) > 0.5 { return second.key }
        return first.key
    }

    /// The date whose digits start at `start` (a run of `run` digits), and its shape.
    private static func match(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ run: Int,
                              dayFirst: Bool) -> (Shape, WrittenDate)? {
        let end = start + run
        if run == 8 {
            guard let date = WrittenDate(year: value(bytes, start, 4), month: value(bytes, start + 4, 2),
                                         day: value(bytes, start + 6, 2)) else { return nil }
            return (.compact, date)
        }
        guard end + 1 < bytes.count else { return nil }
        let separator = bytes[end]
        guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") || separator == UInt8(ascii: ".") else { return nil }
        let secondRun = digitRun(bytes, end + 1)
        let secondEnd = end + 1 + secondRun
        guard (1...2).contains(secondRun), secondEnd + 1 < bytes.count, bytes[secondEnd] == separator else { return nil }
        let thirdRun = digitRun(bytes, secondEnd + 1)
        let thirdEnd = secondEnd + 1 + thirdRun
        let second = value(bytes, end + 1, secondRun)
        if run == 4, (1...2).contains(thirdRun) {
            guard let date = WrittenDate(year: value(bytes, start, 4), month: second, day: value(bytes, secondEnd + 1, thirdRun))
            else { return nil }
            let inPath = separator == UInt8(ascii: "/") && start > 0 && bytes[start - 1] == UInt8(ascii: "/")
                && thirdEnd < bytes.count && bytes[thirdEnd] == UInt8(ascii: "/")
            return (inPath ? .urlPath : .yearFirst, date)
        }
        guard (1...2).contains(run), thirdRun == 4, thirdEnd >= bytes.count || !isDigit(bytes[thirdEnd]) else { return nil }
        let first = value(bytes, start, run)
        let year = value(bytes, secondEnd + 1, 4)
        let firstIsDay = separator == UInt8(ascii: ".") || first > 12 || (second <= 12 && dayFirst)
        let date = firstIsDay ? WrittenDate(year: year, month: second, day: first) : WrittenDate(year: year, month: first, day: second)
        return date.map { (.dayFirst, $0) }
    }

    /// The last year of the notice after `©` or `&copy;` ("© 2019", "&copy; 2008-2019 Name"),
    /// 0 when none follows within a few bytes.
    private static func yearAfterCopyright(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var index = start
        var year = 0
        while index < min(bytes.count, start + 32) {
            let byte = bytes[index]
            if isDigit(byte) {
                let run = digitRun(bytes, index)
                guard run == 4 else { break }
                year = value(bytes, index, 4)
                index += run
                // "2008-2019", "2008 – 2019": the range goes on.
                var next = index
                while next < min(bytes.count, index + 5), !isDigit(bytes[next]),
                      bytes[next] == 0x20 || bytes[next] == UInt8(ascii: "-") || bytes[next] >= 0x80 { next += 1 }
                guard next < bytes.count, next > index, isDigit(bytes[next]) else { break }
                index = next
                continue
            }
            if year > 0 || byte == UInt8(ascii: "<") { break }
            index += 1
        }
        return (1995...2099).contains(year) ? year : 0
    }

    private static let copyEntity = Array("&copy;".utf8)

    private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ prefix: [UInt8]) -> Bool {
        start + prefix.count <= bytes.count && prefix.indices.allSatisfy { bytes[start + $0] == prefix[$0] }
    }

    private static func digitRun(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var end = start
        while end < bytes.count && end - start < 20 && isDigit(bytes[end]) { end += 1 }
        return end - start
    }

    private static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int {
        var result = 0
        for index in start..<start + count { result = result * 10 + Int(bytes[index] - 0x30) }
        return result
    }

    @inline(__always) private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
