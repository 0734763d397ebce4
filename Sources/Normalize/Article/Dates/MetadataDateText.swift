/// Reads the date in a metadata value (JSON-LD, `<meta content>`, `datetime`, `title`):
/// ISO 8601 keeping the zone it names (`2019-11-18T10:02:00.000+01:00`, `2019-11-18 10:02`,
/// `20191118`, `20191118100200`, `2019/11/18`), else any written form `DatelineParser` knows, which covers
/// RFC 1123 and `Mon Oct 11 14:57:21 CEST 2021`.
///
/// Unlike `DateParser` it keeps the date as written and the offset apart: the publisher's
/// calendar day is what a reader calls the publication date.
enum MetadataDateText {
    static func parse(_ raw: String, dayFirst: Bool) -> WrittenDate? {
        let bytes = Array(raw.utf8.prefix(80))[...]
        if let date = iso(bytes) { return date }
        if let date = epoch(bytes) { return date }
        var parser = DatelineParser()
        parser.dayFirst = dayFirst
        parser.loose = true
        return parser.scan(bytes, limit: 1).first?.date
    }

    private static func digits(_ bytes: ArraySlice<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start >= bytes.startIndex, start + count <= bytes.endIndex else { return nil }
        var value = 0
        for index in start..<start + count {
            let byte = bytes[index]
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// Unix time in seconds (10 digits) or milliseconds (13), as analytics meta names carry it.
    private static func epoch(_ bytes: ArraySlice<UInt8>) -> WrittenDate? {
        let digits = bytes.drop { $0 == 0x20 }.prefix { $0 != 0x20 }
        guard digits.count == 10 || digits.count == 13, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              bytes.count - digits.count <= 2, let value = Int(String(decoding: digits, as: UTF8.self)) else { return nil }
        let seconds = digits.count == 13 ? value / 1000 : value
        let day = seconds / 86400
        return WrittenDate.fromDayNumber(day, time: seconds - day * 86400).map { date in
            var date = date
            date.offset = 0
            return date
        }
    }

    /// Two digits, or one or two when separators delimit the field.
    private static func field(_ bytes: ArraySlice<UInt8>, _ index: inout Int, flexible: Bool) -> Int? {
        if let value = digits(bytes, index, 2) {
            index += 2
            return value
        }
        guard flexible, let value = digits(bytes, index, 1) else { return nil }
        index += 1
        return value
    }

    private static func iso(_ bytes: ArraySlice<UInt8>) -> WrittenDate? {
        var index = bytes.startIndex
        while index < bytes.endIndex && bytes[index] == 0x20 { index += 1 }
        guard let year = digits(bytes, index, 4) else { return nil }
        index += 4
        let separator = index < bytes.endIndex ? bytes[index] : 0
        let separated = separator == 0x2D || separator == 0x2F || separator == 0x2E
        if separated { index += 1 }
        guard let month = field(bytes, &index, flexible: separated) else { return nil }
        if separated {
            guard index < bytes.endIndex, bytes[index] == separator else { return nil }
            index += 1
        }
        guard let day = field(bytes, &index, flexible: separated) else { return nil }
        var time: Int?
        // `20210820030646`: a compact stamp whose whole value is date and time (a registration date).
        if !separated, let hour = digits(bytes, index, 2), let minute = digits(bytes, index + 2, 2),
           let second = digits(bytes, index + 4, 2), hour < 24, minute < 60, second < 60,
           !(index + 6 < bytes.endIndex && bytes[index + 6] != 0x20) {
            return WrittenDate(year: year, month: month, day: day, time: hour * 3600 + minute * 60 + second, offset: nil)
        }
        // A longer digit run is a timestamp or an id, not a date.
        if !separated, index < bytes.endIndex, bytes[index] >= 0x30 && bytes[index] <= 0x39 { return nil }
        var offset: Int?
        if index < bytes.endIndex && (bytes[index] == 0x54 || bytes[index] == 0x20 || bytes[index] == 0x74),
           let hour = digits(bytes, index + 1, 2), hour < 24 {
            index += 3
            if index < bytes.endIndex && bytes[index] == 0x3A { index += 1 }
            let minute = digits(bytes, index, 2) ?? 0
            if minute > 0 || digits(bytes, index, 2) != nil { index += 2 }
            if index < bytes.endIndex && bytes[index] == 0x3A { index += 1 }
            // A CMS that drops the seconds' leading zero ("23:15:0Z") still states the zone after them.
            let second = digits(bytes, index, 2) ?? digits(bytes, index, 1) ?? 0
            if digits(bytes, index, 2) != nil { index += 2 } else if digits(bytes, index, 1) != nil { index += 1 }
            time = hour * 3600 + min(minute, 59) * 60 + min(second, 59)
            if index < bytes.endIndex && (bytes[index] == 0x2E || bytes[index] == 0x2C) {
                index += 1
                while index < bytes.endIndex && bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
            }
            while index < bytes.endIndex && bytes[index] == 0x20 { index += 1 }
            if index < bytes.endIndex {
                let sign = bytes[index]
                if sign == 0x5A || sign == 0x7A {
                    offset = 0
                } else if sign == 0x2B || sign == 0x2D, let zoneHours = digits(bytes, index + 1, 2) {
                    var zoneIndex = index + 3
                    if zoneIndex < bytes.endIndex && bytes[zoneIndex] == 0x3A { zoneIndex += 1 }
                    let zoneMinutes = digits(bytes, zoneIndex, 2) ?? 0
                    offset = (sign == 0x2D ? -1 : 1) * (zoneHours * 3600 + zoneMinutes * 60)
                }
            }
        }
        return WrittenDate(year: year, month: month, day: day, time: time, offset: offset)
    }
}
