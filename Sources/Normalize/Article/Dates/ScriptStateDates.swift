import Foundation
import Glibc

/// The publication date a page's own script state names: the JSON a framework embeds for its
/// client (`__NEXT_DATA__`, an Apollo or Redux store, a `dataLayer` push) keeps the article
/// as the server knows it (`"datePublished":"2020-05-14T07:00:00+0200"`,
/// `\"publishedAt\":\"2020-05-14\"`) even when no meta tag or JSON-LD block says it.
///
/// Only keys that name a publication are read (never `created_at`, which dates accounts and
/// comments as often as stories), and the first one in document order wins: the page's own
/// record comes before the lists of other stories a store also holds. Run only when metadata,
/// markup and URL gave nothing, so it costs nothing on the pages that have them.
enum ScriptStateDates {
    /// Bytes scanned at most.
    static let maximumBytes = 4 << 20

    private static let keys: [[UInt8]] = [
        "datePublished", "publishedAt", "published_at", "publishDate", "publish_date", "publishedDate",
        "published_date", "publicationDate", "publication_date", "date_published", "firstPublished",
        "firstPublishedAt", "first_published_at", "pubDate",
    ].map { Array("\"\($0)".utf8) }

    static func first(in html: Data, dayFirst: Bool, plausible: (WrittenDate) -> Bool) -> WrittenDate? {
        html.withUnsafeBytes { raw -> WrittenDate? in
            let bytes = UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self).prefix(maximumBytes))
            guard let base = bytes.baseAddress else { return nil }
            // Every key opens with a quote: the (vectorised) `memchr` finds the few places worth a look.
            var position = 0
            while position < bytes.count, let hit = memchr(base + position, Int32(UInt8(ascii: "\"")), bytes.count - position) {
                let quote = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                position = quote + 1
                guard position < bytes.count, initials.contains(bytes[position]) else { continue }
                for key in keys where startsWith(bytes, quote, key) {
                    if let date = value(bytes, after: quote + key.count, dayFirst: dayFirst), plausible(date) { return date }
                }
            }
            return nil
        }
    }

    private static let initials = Set(keys.map { $0[1] })

    private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ prefix: [UInt8]) -> Bool {
        start + prefix.count <= bytes.count && prefix.indices.allSatisfy { bytes[start + $0] == prefix[$0] }
    }

    /// The date written after a key's closing quote: `": "…"` or `\":\"…\"`. A bare number
    /// (Unix time) is an instant, not the publisher's calendar day, and is not taken: at
    /// 23:00 UTC it is already the next day where most stories are written.
    private static func value(_ bytes: UnsafeBufferPointer<UInt8>, after start: Int, dayFirst: Bool) -> WrittenDate? {
        var index = start
        // The key's own closing quote, escaped or not, must come right away: `"pubDate"`, not `"pubDateLabel"`.
        if index < bytes.count, bytes[index] == UInt8(ascii: "\\") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        index += 1
        while index < bytes.count, index - start < 8,
              bytes[index] == 0x20 || bytes[index] == UInt8(ascii: ":") || bytes[index] == UInt8(ascii: "\\") {
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        index += 1
        var end = index
        while end < bytes.count, end - index < 40, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\") {
            end += 1
        }
        guard end > index, end - index < 40,
              bytes[index..<end].contains(where: { $0 < 0x30 || $0 > 0x39 }) else { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
        return MetadataDateText.parse(text, dayFirst: dayFirst)
    }
}
