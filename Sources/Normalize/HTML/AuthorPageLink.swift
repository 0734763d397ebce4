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
    static func matches(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = pathStart(value)
        let count = value.count
        while index < count {
            // `index` is just past a "/": the segment runs to the next "/", "?" or "#".
            var end = index
            while end < count, value[end] != 0x2F, value[end] != 0x3F, value[end] != 0x23 { end += 1 }
            guard end < count, value[end] == 0x2F else { return false }
            if end - index >= 5, end - index <= longestSegment, isSegment(value, index, end) {
                var slug = end + 1
                while slug < count, value[slug] != 0x2F, value[slug] != 0x3F, value[slug] != 0x23 {
                    if value[slug] | 0x20 >= 0x61 && value[slug] | 0x20 <= 0x7A { return true }
                    slug += 1
                }
                return false
            }
            index = end + 1
        }
        return false
    }

    static func matches(_ value: ArraySlice<UInt8>) -> Bool {
        value.withUnsafeBufferPointer(matches)
    }

    /// Just past the first "/" of the path: after "scheme://host" when the value has them.
    private static func pathStart(_ value: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        while index < value.count, value[index] | 0x20 >= 0x61 && value[index] | 0x20 <= 0x7A { index += 1 }
        if index > 0, index + 2 < value.count, value[index] == 0x3A, value[index + 1] == 0x2F, value[index + 2] == 0x2F {
            index += 3
            while index < value.count, value[index] != 0x2F { index += 1 }
            return index + 1
        }
        if value.count >= 2, value[0] == 0x2F, value[1] == 0x2F {
            // "//host/path"
            index = 2
            while index < value.count, value[index] != 0x2F { index += 1 }
            return index + 1
        }
        return value.first == 0x2F ? 1 : 0
    }

    private static func isSegment(_ value: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let first = value[start] | 0x20
        guard first == 0x61 || first == 0x6A || first == 0x72 || first == 0x77 || first == 0x63 else { return false }
        return segments.contains { word in
            word.count == end - start && word.indices.allSatisfy { value[start + $0] | 0x20 == word[$0] }
        }
    }
}
