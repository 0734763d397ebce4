import Foundation

/// What schema.org JSON-LD says about the page's article.
struct StructuredData {
    var headline: String?
    var articleBody: String?
    var datePublished: String?
    var dateModified: String?
    var authors: [String] = []
    /// `authors` with their declared kind (person or organization), `@id` references resolved.
    var declaredAuthors: [DeclaredAuthor] = []
    var inLanguage: String?
    var description: String?
    var image: String?
    var publisher: String?
    var url: String?
    /// Whether an `Article`-family object was found (as opposed to only `WebPage`).
    var isArticle = false
    /// `isAccessibleForFree: false`, schema.org's own paywall marker.
    var paywalled = false
    /// The dates of every object that has any, in document order (`PublicationDateFinder`).
    var dateEntries: [DateEntry] = []

    /// One object's dates and whether it is an Article-family object.
    struct DateEntry {
        var published: String?
        var modified: String?
        var isArticle: Bool
    }

    private static let articleTypes: Set<String> = [
        "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
        "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "Report",
        "ScholarlyArticle", "TechArticle", "SocialMediaPosting", "LiveBlogPosting", "Review",
        "AskPublicNewsArticle", "SatiricalArticle", "Blog", "Posting",
    ]

    /// Reads every JSON-LD block; the first Article-family object wins, a `WebPage` fills gaps.
    init(blocks: [[UInt8]]) {
        var fallback: [String: Any]?
        var authorSources: [[String: Any]] = []
        var everything: [[String: Any]] = []
        // Authors of blocks that are not valid JSON, for a page whose valid blocks name none.
        var scannedAuthors: [DeclaredAuthor] = []
        for block in blocks {
            guard let json = Self.parse(block) else {
                if let entry = JSONLDDateScan.entry(block) { dateEntries.append(entry) }
                if scannedAuthors.isEmpty { scannedAuthors = JSONLDAuthorScan.authors(block) }
                continue
            }
            var objects: [[String: Any]] = []
            Self.collect(json, into: &objects, depth: 0)
            everything += objects
            for object in objects {
                let types = Self.types(object)
                if let entry = Self.dateEntry(object, types) { dateEntries.append(entry) }
                if !isArticle && types.contains(where: { Self.articleTypes.contains($0) }) {
                    isArticle = true
                    authorSources.append(object)
                    fill(from: object)
                } else if fallback == nil && types.contains(where: { $0.hasSuffix("WebPage") }) {
                    fallback = object
                }
            }
        }
        if let fallback { fill(from: fallback) }
        if let fallback { authorSources.append(fallback) }
        declaredAuthors = DeclaredAuthors.resolve(sources: authorSources, objects: everything)
        if declaredAuthors.isEmpty { declaredAuthors = scannedAuthors }
        authors = declaredAuthors.map(\.name)
    }

    private mutating func fill(from object: [String: Any]) {
        headline = headline ?? Self.string(object["headline"]) ?? Self.string(object["name"])
        articleBody = articleBody ?? Self.string(object["articleBody"]) ?? Self.string(object["text"])
        datePublished = datePublished ?? Self.string(object["datePublished"])
            ?? Self.string(object["dateCreated"])
        dateModified = dateModified ?? Self.string(object["dateModified"])
        inLanguage = inLanguage ?? Self.string(object["inLanguage"])
            ?? Self.string((object["inLanguage"] as? [String: Any])?["name"])
        description = description ?? Self.string(object["description"])
        image = image ?? Self.url(object["image"]) ?? Self.url(object["thumbnailUrl"])
        if publisher == nil, let names = Self.names(object["publisher"]).first { publisher = names }
        url = url ?? Self.string(object["url"]) ?? Self.url(object["mainEntityOfPage"])
        if let free = object["isAccessibleForFree"] {
            if let flag = free as? Bool, !flag { paywalled = true }
            if let text = free as? String, text.lowercased() == "false" { paywalled = true }
        }
    }

    /// JSON-LD in the wild holds raw newlines and tabs inside strings, which strict JSON
    /// forbids; they are turned into spaces, and HTML comment wrappers are dropped.
    private static func parse(_ block: [UInt8]) -> Any? {
        var cleaned = block.map { $0 < 0x20 ? 0x20 : $0 }
        if let start = cleaned.firstIndex(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") }) {
            cleaned.removeFirst(start)
        }
        while let last = cleaned.last, last != UInt8(ascii: "}") && last != UInt8(ascii: "]") {
            cleaned.removeLast()
        }
        guard !cleaned.isEmpty else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(cleaned), options: [.fragmentsAllowed])
    }

    private static func collect(_ value: Any, into objects: inout [[String: Any]], depth: Int) {
        guard depth < 6 else { return }
        if let array = value as? [Any] {
            for item in array { collect(item, into: &objects, depth: depth + 1) }
        } else if let object = value as? [String: Any] {
            objects.append(object)
            if let graph = object["@graph"] { collect(graph, into: &objects, depth: depth + 1) }
            if let main = object["mainEntity"], main is [String: Any] || main is [Any] {
                collect(main, into: &objects, depth: depth + 1)
            }
        }
    }

    private static func dateEntry(_ object: [String: Any], _ types: [String]) -> DateEntry? {
        let published = string(object["datePublished"]) ?? string(object["dateCreated"])
            ?? string(object["uploadDate"])
        let modified = string(object["dateModified"])
        guard published != nil || modified != nil else { return nil }
        return DateEntry(published: published, modified: modified,
                         isArticle: types.contains(where: { articleTypes.contains($0) }))
    }

    private static func types(_ object: [String: Any]) -> [String] {
        if let single = object["@type"] as? String { return [single] }
        return (object["@type"] as? [Any])?.compactMap { $0 as? String } ?? []
    }

    static func string(_ value: Any?) -> String? {
        if let text = value as? String {
            let scalars = text.unicodeScalars
            guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
                  let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return nil }
            return String(scalars[first...last])
        }
        if let array = value as? [Any], let first = array.first { return string(first) }
        return nil
    }

    private static func url(_ value: Any?) -> String? {
        if let text = string(value) { return text }
        if let object = value as? [String: Any] {
            return string(object["url"]) ?? string(object["@id"]) ?? string(object["contentUrl"])
        }
        if let array = value as? [Any], let first = array.first { return url(first) }
        return nil
    }

    private static func names(_ value: Any?) -> [String] {
        guard let value else { return [] }
        if let array = value as? [Any] { return array.flatMap { names($0) } }
        if let text = string(value) { return [text] }
        if let object = value as? [String: Any] {
            return string(object["name"]).map { [$0] } ?? []
        }
        if let array = value as? [Any] {
            return array.flatMap { names($0) }
        }
        return []
    }
}
