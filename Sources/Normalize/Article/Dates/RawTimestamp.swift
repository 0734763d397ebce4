import Foundation
import Glibc

/// The last trace of a date when the page shows none: a full timestamp anywhere in the raw
/// markup, scripts and attributes included (`showDate("2020/04/17 01:43:09")`, a state blob's
/// `"created":"2019-10-19T11:42:00Z"`, `data-time="…"`), the way htmldate's timestamp rescue
/// reads the serialized page.
///
/// Only a date with a time of day counts (`YYYY-MM-DD hh:mm` or `YYYY/MM/DD hh:mm`, `T` or a
/// blank between): a bare `2019-10-19` in markup is as often a version, a path or an id. The
/// first plausible one in document order wins, as the page's own record comes before the lists
/// and widgets under it. Run only when the page offers nothing else, so it costs nothing on the
/// pages that have a date.
enum RawTimestamp {
    /// Bytes scanned at most.
    static let maximumBytes = 4 << 20

    static func first(in html: Data, plausible: (WrittenDate) -> Bool) -> WrittenDate? {
        html.withUnsafeBytes { raw -> WrittenDate? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress else { return nil }
            let count = min(bytes.count, maximumBytes)
            // Every timestamp has the colon of its time 13 bytes after its start: the (vectorised)
            // `memchr` for colons finds the few places worth a look.
            var position = 14
            while position < count, let hit = memchr(base + position, Int32(UInt8(ascii: ":")), count - position) {
                let colon = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                position = colon + 1
                let start = colon - 13
                guard colon + 3 <= count, isDigit(bytes[start]), !isDigit(bytes[start - 1]),
                      let date = timestamp(bytes, start, count) else { continue }
                if plausible(date) { return date }
            }
            return nil
        }
    }

    /// The timestamp starting at `start`, when the bytes there have its shape.
    private static func timestamp(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> WrittenDate? {
        let separator = bytes[start + 4]
        guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/"),
              digits(bytes, start, 4), digits(bytes, start + 5, 2), bytes[start + 7] == separator,
              digits(bytes, start + 8, 2),
              bytes[start + 10] == UInt8(ascii: "T") || bytes[start + 10] == UInt8(ascii: " "),
              digits(bytes, start + 11, 2), bytes[start + 13] == UInt8(ascii: ":"), digits(bytes, start + 14, 2)
        else { return nil }
        // The zone, when one follows, is read with the rest.
        let end = min(count, start + 32)
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return MetadataDateText.parse(text, dayFirst: false)
    }

    @inline(__always)
    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Bool {
        (start..<start + length).allSatisfy { isDigit(bytes[$0]) }
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
