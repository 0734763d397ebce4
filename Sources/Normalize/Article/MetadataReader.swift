import Foundation

/// Collects page metadata from `<meta>`, `<link>`, `<title>`, `<time>`, microdata and
/// JSON-LD, with a fixed precedence per field: the publisher's structured data first, then
/// OpenGraph/Twitter cards, then generic meta names, then what the markup shows.
struct MetadataReader {
    let tree: HTMLTree
    let pageURL: URL?
    /// When the page was fetched: later dates are not its publication date (nil: now).
    var referenceTime: Date? = nil
    /// The page as fetched, for the date finder's last resort (`RawTimestamp`).
    var rawHTML: Data? = nil

    struct Result {
        var title: String?
        var published: Date?
        var modified: Date?
        /// The zones the page stated for those dates (seconds east of UTC).
        var publishedOffset: Int?
        var modifiedOffset: Int?
        var publishedIsGuess = false
        var authors: [String] = []
        var declaredLanguage: String?
        var description: String?
        var canonicalURL: String?
        var siteName: String?
        var imageURL: String?
        var structured: StructuredData
        var paywallHint = false
    }

    func read() -> Result {
        var meta: [String: String] = [:]
        // Every value of an author key, in page order: a page names each of several authors
        // in a tag of its own (`<meta name="author">` twice, one `citation_author` each).
        var authorMeta: [String: [String]] = [:]
        var canonical: String?
        var htmlLang: String?
        var titleText: String?
        var firstHeading: String?

        for index in 1..<tree.nodes.count {
            let node = tree.nodes[index]
            let id = Int32(index)
            switch node.tag {
            case .text:
                continue
            case .meta:
                let key = (tree.attribute(id, .property) ?? tree.attribute(id, .name)
                    ?? tree.attribute(id, .itemprop) ?? tree.attribute(id, .httpEquiv))?.lowercased()
                // The author of an item nested as a property (a citation, a review) is not the page's.
                if key == "author" || key == "creator", tree.attribute(id, .name) == nil,
                   tree.attribute(id, .property) == nil, AuthorFinder.isInNestedItem(tree, id) { continue }
                // `datetime` on a meta element (`<meta itemprop="dateCreated" datetime="…">`) is
                // a template's slip for `content`.
                if let key, let content = tree.attribute(id, .content) ?? tree.attribute(id, .datetime), !content.isEmpty {
                    if meta[key] == nil { meta[key] = content }
                    if AuthorFinder.metaKeySet.contains(key) { authorMeta[key, default: []].append(content) }
                }
            case .link:
                if let rel = tree.attribute(id, .rel)?.lowercased() {
                    if rel.split(separator: " ").contains("canonical"), canonical == nil {
                        canonical = tree.attribute(id, .href)
                    }
                }
            case .html:
                htmlLang = htmlLang ?? tree.attribute(id, .lang)
            case .title:
                if titleText == nil { titleText = tree.textContent(id) }
            case .h1:
                if firstHeading == nil { firstHeading = tree.textContent(id) }
            default:
                break
            }
        }

        let structured = StructuredData(blocks: tree.jsonLD)
        var result = Result(structured: structured)
        result.title = structured.headline ?? meta["og:title"] ?? meta["twitter:title"]
            ?? firstHeading ?? titleText
        let dates = PublicationDateFinder(
            tree: tree, meta: meta, structured: structured, urls: [canonical, meta["og:url"], pageURL?.absoluteString],
            language: htmlLang ?? meta["content-language"] ?? meta["og:locale"], reference: referenceTime ?? Date(),
            rawHTML: rawHTML, relativeDates: referenceTime != nil).find()
        // The instant where the page stated its zone, with that zone kept so the record shows
        // the publisher's calendar day; a date without a zone is taken as written, in UTC.
        result.published = dates.published.map { $0.instant ?? $0.wallClock }
        result.publishedOffset = dates.published?.offset
        result.publishedIsGuess = dates.publishedIsGuess
        result.modified = dates.modified.map { $0.instant ?? $0.wallClock }
        result.modifiedOffset = dates.modified?.offset

        result.declaredLanguage = htmlLang ?? structured.inLanguage ?? meta["content-language"]
            ?? meta["og:locale"] ?? meta["dc.language"]
        result.description = structured.description ?? meta["og:description"] ?? meta["description"]
            ?? meta["twitter:description"]
        result.siteName = meta["og:site_name"] ?? structured.publisher ?? meta["application-name"]
            ?? meta["twitter:site"].map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
        result.authors = AuthorFinder(tree: tree, meta: meta, authorMeta: authorMeta, structured: structured, title: result.title,
                                      site: .of(meta: meta, structured: structured, siteName: result.siteName,
                                                titleText: titleText, url: pageURL?.absoluteString ?? canonical)).authors()
        // A CMS with no image for the story may fill the tag with the site's root URL: not an
        // image, so the next source (or none) is taken.
        result.imageURL = [meta["og:image"], meta["og:image:url"], meta["twitter:image"], meta["twitter:image:src"],
                           structured.image].lazy
            .compactMap { $0.flatMap { self.absolute($0) } }.first { !Self.isSiteRoot($0) }
        result.canonicalURL = [canonical, meta["og:url"]].lazy
            .compactMap { $0.flatMap { sameSite(absolute($0)) } }.first
        result.paywallHint = structured.paywalled
            || meta["article:content_tier"].map { $0.lowercased() != "free" } == true
        // Values escaped twice keep a level of character references ("Here&#8217;s").
        result.siteName = result.siteName.map(HTMLEntities.decode)
        result.title = result.title.map {
            Self.stripSiteName(TextNormalizer.collapse(Array(HTMLEntities.decode($0).utf8)[...]), result.siteName,
                               host: (pageURL ?? canonical.flatMap(URL.init(string:)))?.host)
        }
        // A CMS's markup left in a description ("<p><strong>…") goes with it.
        result.description = result.description.map {
            TextNormalizer.collapse(Array(AuthorText.withoutMarkup(HTMLEntities.decode($0)).utf8)[...])
        }
        return result
    }

    /// Page titles often end with the publication's name ("Story - The Paper", "Story | LECKER",
    /// "Story - MDR.DE"); the record keeps the headline only. The last segment goes when it is
    /// the site's name or its host (`lecker.de`, or its name label `lecker`), compared without
    /// case, spaces and dots. Byte-level: it runs for every page.
    static func stripSiteName(_ title: String, _ siteName: String?, host: String? = nil) -> String {
        if let siteName, !siteName.isEmpty, title.utf8.count > siteName.utf8.count + 3 {
            for separator in titleSeparators where title.hasSuffix(separator + siteName) {
                return String(title.dropLast(separator.count + siteName.count))
            }
        }
        let bytes = Array(title.utf8)
        var names: [[UInt8]]?
        for separator in titleSeparatorBytes {
            guard let start = lastOccurrence(of: separator, in: bytes) else { continue }
            let tail = bytes[(start + separator.count)...]
            guard start >= 8, tail.count <= 80 else { continue }
            if names == nil {
                var found = [siteName].compactMap { $0 }.map { nameKey(Array($0.utf8)[...]) }
                if let host {
                    // "lecker.de" and its name label "lecker"; "bbc.co.uk" and "bbc".
                    let domain = RegistrableDomain.of(host)
                    found.append(nameKey(Array(domain.utf8)[...]))
                    if let label = domain.split(separator: ".").first { found.append(nameKey(Array(label.utf8)[...])) }
                }
                names = found.filter { !$0.isEmpty }
            }
            let key = nameKey(tail)
            if !key.isEmpty, names?.contains(key) == true {
                return String(decoding: bytes[..<start], as: UTF8.self)
            }
        }
        return title
    }

    private static let titleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " • "]
    private static let titleSeparatorBytes = titleSeparators.map { Array($0.utf8) }

    /// Where `needle` last occurs in `bytes`.
    private static func lastOccurrence(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var start = bytes.count - needle.count
        while start >= 0 {
            if bytes[start] == needle[0] && bytes[start..<start + needle.count].elementsEqual(needle) { return start }
            start -= 1
        }
        return nil
    }

    /// A name compared loosely: lower case, without spaces, dots, hyphens and underscores.
    private static func nameKey(_ name: ArraySlice<UInt8>) -> [UInt8] {
        if name.allSatisfy({ $0 < 0x80 }) {
            return name.compactMap { byte in
                byte == 0x20 || byte == 0x2E || byte == 0x2D || byte == 0x5F ? nil : (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
        }
        let lowered = String(decoding: name, as: UTF8.self).lowercased()
        return Array(lowered.utf8).filter { $0 != 0x20 && $0 != 0x2E && $0 != 0x2D && $0 != 0x5F }
    }

    /// Names in author strings; kept for callers of the old name.
    static func cleanAuthors(_ raw: [String]) -> [String] {
        AuthorNameCleaner.names(in: raw)
    }

    /// "https://news.example/" or "https://news.example": a URL with no path and no query.
    static func isSiteRoot(_ url: String) -> Bool {
        guard let parsed = URLComponents(string: url) else { return false }
        return (parsed.path.isEmpty || parsed.path == "/") && parsed.query == nil
    }

    private func absolute(_ raw: String) -> String? {
        let trimmed = WhitespaceTrim.trimmed(raw)
        guard !trimmed.isEmpty else { return nil }
        if let pageURL, let resolved = URL(string: trimmed, relativeTo: pageURL)?.absoluteURL {
            guard resolved.scheme == "http" || resolved.scheme == "https" else { return nil }
            return resolved.absoluteString
        }
        guard let url = URL(string: trimmed), url.scheme == "http" || url.scheme == "https",
              url.host != nil else { return nil }
        return url.absoluteString
    }

    /// A canonical pointing at another site is a syndication claim or a mistake, never ours
    /// to record; "same site" is the same registrable-looking host (last two labels, three
    /// when the second-level label is short like `co.uk`).
    private func sameSite(_ candidate: String?) -> String? {
        guard let candidate, let host = URL(string: candidate)?.host else { return nil }
        guard let pageHost = pageURL?.host else { return candidate }
        return Self.siteKey(host) == Self.siteKey(pageHost) ? candidate : nil
    }

    static func siteKey(_ host: String) -> String {
        let labels = host.lowercased().split(separator: ".")
        guard labels.count > 2 else { return labels.joined(separator: ".") }
        let secondLevel = labels[labels.count - 2]
        let take = secondLevel.count <= 3 && labels.last!.count == 2 ? 3 : 2
        return labels.suffix(take).joined(separator: ".")
    }
}
