public import Foundation

/// An article record: the body in seed-file format and its metadata.
public struct ExtractedArticle: Sendable, Codable, Equatable {
    /// Paragraphs in reading order, one per line: NFC, white space collapsed, no empty lines.
    public var bodyLines: [String]
    /// Headline: JSON-LD `headline`, `og:title`, the first `<h1>`, or `<title>`.
    public var title: String?
    /// First publication, from structured data, meta tags, `<time>`, the URL or the dateline
    /// (see `PublicationDateFinder`): the instant when the page states its zone, otherwise the
    /// date and time as written, taken as UTC.
    public var published: Date?
    /// Last modification, when the page states one (like `published`).
    public var modified: Date?
    /// The zone the page stated for `published`, in seconds east of UTC: JSON output writes
    /// `published` in it (`2019-11-08T21:11:00-05:00`), so the record shows the publisher's day.
    public var publishedOffset: Int?
    /// The zone stated for `modified`.
    public var modifiedOffset: Int?
    /// `published` is a last-resort guess (the date the page's markup repeats most), not a date
    /// the page states: a feed or sitemap entry's own date is preferred to it. Not encoded.
    public var publishedIsGuess = false
    /// Author names, de-duplicated, without "By" prefixes.
    public var authors: [String]
    /// BCP 47-like primary language code (`en`, `pt`, `zh`…).
    public var language: String?
    /// The page's summary (`og:description`, `meta description`, JSON-LD `description`).
    public var description: String?
    /// Absolute; only from a same-site `link rel=canonical` or `og:url`.
    public var canonicalURL: String?
    /// Publication name (`og:site_name`, JSON-LD publisher).
    public var siteName: String?
    /// Absolute URL of the lead image (`og:image`, `twitter:image`, JSON-LD `image`).
    public var imageURL: String?
    /// How the body was obtained and how far to trust it.
    public var quality: QualityFlags

    /// The JSON keys; the dates' offsets travel inside their timestamps, not as keys.
    private enum CodingKeys: String, CodingKey {
        case bodyLines, title, published, modified, authors, language, description, canonicalURL, siteName, imageURL, quality
    }

    /// The body in the seed-file format: one paragraph per line, LF, final newline; an empty
    /// body is the empty string (a lone newline would be an empty line).
    public var text: String { bodyLines.isEmpty ? "" : bodyLines.joined(separator: "\n") + "\n" }

    /// A record; the extractor fills it, tests and decoders build it directly.
    public init(bodyLines: [String] = [], title: String? = nil, published: Date? = nil,
                modified: Date? = nil, authors: [String] = [], language: String? = nil,
                description: String? = nil, canonicalURL: String? = nil, siteName: String? = nil,
                imageURL: String? = nil, quality: QualityFlags = QualityFlags()) {
        self.bodyLines = bodyLines
        self.title = title
        self.published = published
        self.modified = modified
        self.authors = authors
        self.language = language
        self.description = description
        self.canonicalURL = canonicalURL
        self.siteName = siteName
        self.imageURL = imageURL
        self.quality = quality
    }
}
extension ExtractedArticle {
    /// Reads what ``encode(to:)`` writes (dates as ISO 8601 strings, their zone recovered) and
    /// older records whose dates the decoder's own strategy wrote.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(bodyLines: try c.decode([String].self, forKey: .bodyLines), title: try c.decodeIfPresent(String.self, forKey: .title),
                  authors: try c.decodeIfPresent([String].self, forKey: .authors) ?? [],
                  language: try c.decodeIfPresent(String.self, forKey: .language),
                  description: try c.decodeIfPresent(String.self, forKey: .description),
                  canonicalURL: try c.decodeIfPresent(String.self, forKey: .canonicalURL),
                  siteName: try c.decodeIfPresent(String.self, forKey: .siteName),
                  imageURL: try c.decodeIfPresent(String.self, forKey: .imageURL),
                  quality: try c.decode(QualityFlags.self, forKey: .quality))
        (published, publishedOffset) = try Self.decodeDate(c, .published)
        (modified, modifiedOffset) = try Self.decodeDate(c, .modified)
    }

    private static func decodeDate(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> (Date?, Int?) {
        if let text = try? c.decodeIfPresent(String.self, forKey: key) {
            guard let parsed = ISOTimestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "not an ISO 8601 timestamp: \(text)")
            }
            return (parsed.date, parsed.offset)
        }
        return (try c.decodeIfPresent(Date.self, forKey: key), nil)
    }

    /// As the synthesized encoding, except that `published` and `modified` are ISO 8601 strings
    /// in the zone the page stated (UTC otherwise), whatever the encoder's date strategy; the
    /// offsets themselves are not repeated.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(bodyLines, forKey: .bodyLines)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(published.map { ISOTimestamp.string($0, offset: publishedOffset) }, forKey: .published)
        try c.encodeIfPresent(modified.map { ISOTimestamp.string($0, offset: modifiedOffset) }, forKey: .modified)
        try c.encode(authors, forKey: .authors)
        try c.encodeIfPresent(language, forKey: .language)
        try c.encodeIfPresent(description, forKey: .description)
        try c.encodeIfPresent(canonicalURL, forKey: .canonicalURL)
        try c.encodeIfPresent(siteName, forKey: .siteName)
        try c.encodeIfPresent(imageURL, forKey: .imageURL)
        try c.encode(quality, forKey: .quality)
    }
}
