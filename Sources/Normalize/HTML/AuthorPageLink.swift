import Glibc

/// A link to a writer's page on a news site or blog (`/author/<slug>/`, `/autor/ana-roe_7617`,
/// `/journalist/ana_roe`): the one `href` on `<a>` the tree keeps. Every other link target is
/// dropped before parsing (`MarkupPrefilter`), so this check runs on each `<a href>` value of
/// a page and reads bytes only.
enum AuthorPageLink {
    /// Path segments naming a writer's page, lower case.
    static let segments: [[UInt8]] = [
        "author", "authors", "autor", "autoren", "autorin", "auteur", "auteurs", "autore", "autores", "autori",
        "journalist", "journalists", "journaliste", "journalistes", "redakteur", "writer", "writers",
        "columnist", "columnists", "reporter", "reporters",
    ].map { Array($0.utf8) }
    static let longestSegment = 12

    /// Whether `value` (a link target) has one of `segments` in its path, followed by a slug
    /// with a letter in it: a single writer's page, not the list of all of them ("/authors/").
    /// Runs on every link of a page, so it jumps from "/" to "/" with `memchr`.
    static func matches(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = value.baseAddress, value.count >= 8 else { return false }
        // The path ends at the query or the fragment.
        var end = value.count
        if let query = memchr(base, 0x3F, end) { end = UnsafeRawPointer(query) - UnsafeRawPointer(base) }
        if let fragment = memchr(base, 0x23, end) { end = UnsafeRawPointer(fragment) - UnsafeRawPointer(base) }
        var index = pathStart(value, end)
        while index < end {
            guard let slash = memchr(base + index, 0x2F, end - index) else { return false }
            let segmentEnd = UnsafeRawPointer(slash) - UnsafeRawPointer(base)
            let length = segmentEnd - index
            if length >= 5, length <= longestSegment, isSegment(value, index, segmentEnd) {
                var slug = segmentEnd + 1
                while slug < end, value[slug] != 0x2F {
                    if value[slug] | 0x20 >= 0x61 && value[slug] | 0x20 <= 0x7A { return true }
                    slug += 1
                }
                return false
            }
            index = segmentEnd + 1
        }
        return false
    }

    static func matches(_ value: ArraySlice<UInt8>) -> Bool {
        value.withUnsafeBufferPointer(matches)
    }

    /// Just past the first "/" of the path (before `end`): after "scheme://host" or "//host"
    /// when the value has them.
    private static func pathStart(_ value: UnsafeBufferPointer<UInt8>, _ end: Int) -> Int {
        var index = 0
        while index < end, value[index] | 0x20 >= 0x61 && value[index] | 0x20 <= 0x7A { index += 1 }
        var host = -1
        if index > 0, index + 2 < end, value[index] == 0x3A, value[index + 1] == 0x2F, value[index + 2] == 0x2F {
            host = index + 3
        } else if end >= 2, value[0] == 0x2F, value[1] == 0x2F {
            host = 2
        }
        guard host >= 0 else { return value[0] == 0x2F ? 1 : 0 }
        index = host
        while index < end, value[index] != 0x2F { index += 1 }
        return index + 1
    }

    private static func isSegment(_ value: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let first = value[start] | 0x20
        guard first == 0x61 || first == 0x6A || first == 0x72 || first == 0x77 || first == 0x63 else { return false }
        return segments.contains { word in
            word.count == end - start && word.indices.allSatisfy { value[start + $0] | 0x20 == word[$0] }
        }
    }
}
