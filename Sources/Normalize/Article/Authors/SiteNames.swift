/// The names a site goes by (`og:site_name`, the JSON-LD or meta publisher, the title's
/// suffix, the host), folded for comparison. A byline that only repeats one of them names
/// the publication, not a writer.
///
/// Works on UTF-8 bytes: ASCII letters are lower-cased, ASCII punctuation and the common
/// typographic marks are dropped, other letters are kept as they are.
struct SiteNames: Sendable {
    private var keys: Set<[UInt8]> = []

    /// `names` may hold URLs (an `og:site_name` of "https://www.example.com/"): their host
    /// counts, as does `host`, the page's own.
    init(_ names: [String?], host: String? = nil) {
        for name in names.compactMap({ $0 }) {
            if name.hasPrefix("http") {
                if let urlHost = Self.host(of: name), !AuthorText.has(urlHost, "facebook.") { addHost(urlHost) }
                continue
            }
            let bytes = Array(name.utf8)
            add(bytes[...])
            for part in Self.parts(bytes) { add(part) }
            // "Deutsche Welle (www.dw.com)": the name without its aside.
            if let open = bytes.firstIndex(of: UInt8(ascii: "(")), open > 0 { add(bytes[..<open]) }
        }
        if let host { addHost(host) }
    }

    /// The site's names as a page's metadata gives them: `og:site_name`, the publisher (JSON-LD,
    /// meta, Dublin Core, Open Graph), the title's suffix, and the host of `url` (or `og:url`).
    static func of(meta: [String: String], structured: StructuredData, siteName: String?,
                   titleText: String?, url: String?) -> SiteNames {
        SiteNames([siteName, structured.publisher, meta["publisher"], meta["dc.publisher"],
                   meta["article:publisher"], titleSuffix(titleText)],
                  host: (url ?? meta["og:url"]).flatMap(host(of:)))
    }

    /// The host of an absolute URL, without parsing the rest.
    static func host(of url: String) -> String? {
        guard let scheme = url.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let rest = url.utf8[scheme...].drop { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "/") }
        let host = rest.prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") && $0 != UInt8(ascii: ":") }
        return host.isEmpty ? nil : String(decoding: host, as: UTF8.self)
    }

    private mutating func addHost(_ host: String) {
        var labels = host.lowercased().split(separator: ".")
        if labels.first == "www" { labels.removeFirst() }
        add(Array(labels.joined(separator: ".").utf8)[...])
        if labels.count >= 2 { add(Array(labels[labels.count - 2].utf8)[...]) }
    }

    private mutating func add(_ name: ArraySlice<UInt8>) {
        let key = Self.fold(name)
        if key.count >= 2 { keys.insert(key) }
    }

    /// Whether `name`, or one of its " | " / " - " parts, is one of the site's names.
    func contains(_ name: String) -> Bool {
        guard !keys.isEmpty else { return false }
        let bytes = Array(name.utf8)
        if keys.contains(Self.fold(bytes[...])) { return true }
        return Self.parts(bytes).contains { keys.contains(Self.fold($0)) }
    }

    /// Letters and digits only, ASCII lower-cased: "INTERSCENAR.IO" and "Interscenario" agree.
    static func fold(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var folded: [UInt8] = []
        folded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte >= 0x61 && byte <= 0x7A || byte >= 0x30 && byte <= 0x39 {
                folded.append(byte)
            } else if byte >= 0x41 && byte <= 0x5A {
                folded.append(byte | 0x20)
            } else if byte == 0xC2 || byte == 0xE2 {
                // Latin-1 marks (nbsp, «, », ·) and general punctuation (–, —, “, ”, •): skipped.
                index += byte == 0xC2 ? 2 : 3
                continue
            } else if byte >= 0x80 {
                folded.append(byte)
            }
            index += 1
        }
        if folded.count > 6 && folded.starts(with: Array("the".utf8)) { folded.removeFirst(3) }
        return folded
    }

    static func fold(_ text: String) -> [UInt8] { fold(Array(text.utf8)[...]) }

    /// What a headline is compared by: the title's first 40 characters, folded.
    static func titleKey(_ title: String) -> [UInt8] { fold(String(title.prefix(40))) }

    /// Whether a heading's text (its first 60 characters, folded, at least `minimum` of them)
    /// and the title key start alike: the page's own headline.
    static func headline(_ text: String, matches key: [UInt8], minimum: Int) -> Bool {
        let folded = fold(String(text.prefix(60)))
        return folded.count >= minimum && (folded.starts(with: key) || key.starts(with: folded))
    }

    /// The part of a page title after its last " | " / " - ", which is usually the site.
    static func titleSuffix(_ title: String?) -> String? {
        guard let title else { return nil }
        let words = Array(title.utf8).split(separator: 0x20)
        guard let last = words.lastIndex(where: { titleSeparators.contains(Array($0)) }), last + 1 < words.count else { return nil }
        let suffix = words[(last + 1)...].map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
        return suffix.count >= 2 && suffix.count < 60 ? suffix : nil
    }

    private static let titleSeparators: Set<[UInt8]> = Set(["|", "-", "–", "—", "::", "·", "»"].map { Array($0.utf8) })
    private static let separators: Set<[UInt8]> = titleSeparators.union([Array("/".utf8)])

    /// The parts of "Site | Tagline", "Site: Tagline", "Site /XY"; empty when there is one.
    private static func parts(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var partEnd = 0
        var split = false
        func flush() {
            if let start = partStart { parts.append(bytes[start..<partEnd]) }
            partStart = nil
        }
        var index = 0
        while index < bytes.count {
            guard bytes[index] != 0x20 else { index += 1; continue }
            var end = index
            while end < bytes.count && bytes[end] != 0x20 { end += 1 }
            let word = bytes[index..<end]
            if separators.contains(Array(word)) {
                flush()
                split = true
            } else if word.first == UInt8(ascii: "/") && word.count > 1 && partStart != nil {
                flush()
                partStart = index + 1
                partEnd = end
                split = true
            } else if word.last == UInt8(ascii: ":") && word.count > 1 {
                if partStart == nil { partStart = index }
                partEnd = end - 1
                flush()
                split = true
            } else {
                if partStart == nil { partStart = index }
                partEnd = end
            }
            index = end
        }
        flush()
        return split ? parts : []
    }
}
