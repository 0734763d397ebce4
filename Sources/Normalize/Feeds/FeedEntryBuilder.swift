import Foundation

/// An entry being read: fields arrive one element at a time and in any order, some with a
/// preference between sources (Atom `link` types, `pubDate` over `dc:date`).
struct FeedEntryBuilder {
    var entry = FeedEntry()
    /// Rank of the link chosen so far (lower is better; `Int.max` when none).
    var linkRank = Int.max
    /// RSS `guid isPermaLink` (true unless `"false"`): a permalink guid stands in for a missing link.
    var guidIsPermaLink = false
    /// An http(s) URL found in the guid/id, as a last resort for the link.
    var guidURL: URL?

    mutating func offerLink(_ url: URL?, rank: Int) {
        guard let url, rank < linkRank else { return }
        entry.link = url
        linkRank = rank
    }

    mutating func offerPublished(_ date: Date?) {
        if entry.published == nil { entry.published = date }
    }

    mutating func offerUpdated(_ date: Date?) {
        if entry.updated == nil { entry.updated = date }
    }

    mutating func addAuthor(_ name: String?) {
        guard let name, !entry.authors.contains(name) else { return }
        entry.authors.append(name)
    }

    mutating func addCategory(_ name: String?) {
        guard let name, !entry.categories.contains(name) else { return }
        entry.categories.append(name)
    }

    /// The finished entry, or nil when it carries nothing usable (an empty `<item/>`). The entry
    /// is moved out, not copied (a copy retained and released every field of every entry), so a
    /// builder is built once.
    consuming func build() -> FeedEntry? {
        if entry.link == nil, guidIsPermaLink || linkRank == Int.max, let guidURL {
            entry.link = guidURL
        }
        guard entry.link != nil || entry.guid != nil || entry.title != nil || entry.summary != nil || entry.content != nil else {
            return nil
        }
        return entry
    }
}

/// Resolving the references feeds carry into absolute http(s) URLs.
enum FeedLink {
    /// `raw` resolved against `base` (the `xml:base` in force, itself resolved against the feed's
    /// URL); nil when empty or not http(s) after resolution (`javascript:`, `mailto:`).
    static func resolve(_ raw: String, base: URL?) -> URL? {
        guard let trimmed = FeedText.trimmed(raw) else { return nil }
        // Most feed links are absolute http(s) URLs, which resolve to themselves whatever the
        // base: parsing them once skips building and re-parsing a relative URL.
        if hasHTTPScheme(trimmed), let url = URL(string: trimmed) {
            return url.host != nil ? url : nil
        }
        let candidate =
            URL(string: trimmed, relativeTo: base)
            ?? URL(string: trimmed.replacingOccurrences(of: " ", with: "%20"), relativeTo: base)
        guard let absolute = candidate?.absoluteURL, let scheme = absolute.scheme?.lowercased(),
            scheme == "http" || scheme == "https", absolute.host != nil
        else { return nil }
        return absolute
    }

    /// Starts with `http://` or `https://` in any case.
    static func hasHTTPScheme(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        for expected in "http".utf8 {
            guard let byte = utf8.next(), byte | 0x20 == expected else { return false }
        }
        var byte = utf8.next()
        if byte.map({ $0 | 0x20 }) == UInt8(ascii: "s") { byte = utf8.next() }
        return byte == UInt8(ascii: ":") && utf8.next() == UInt8(ascii: "/") && utf8.next() == UInt8(ascii: "/")
    }

    /// An RSS `author` is usually `email (Name)`; the name is what a reader wants.
    static func rssAuthorName(_ raw: String) -> String? {
        guard let text = FeedText.plain(raw) else { return nil }
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            let name = text[text.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { return name }
        }
        if let angle = text.firstIndex(of: "<") {
            let name = text[..<angle].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { return name }
        }
        return text
    }
}
