public import Foundation
import Normalize

/// One line of a day folder's `records.jsonl`: the contract with downstream analyzers.
///
/// Every key is always present (`null` when unknown), so readers never have to guess whether a
/// key was dropped or empty.
public struct ManifestRecord: Sendable, Equatable, Codable {
    public var id: String
    /// Sequence number within the day folder; `nil` for a dropped duplicate, which has no file.
    public var seq: Int?
    /// The text file's name within the day folder; `nil` for a dropped duplicate.
    public var file: String?
    public var url: String
    public var canonicalURL: String
    public var source: String
    public var title: String?
    public var published: Date?
    public var modified: Date?
    /// The zones the page stated for `published` / `modified` (seconds east of UTC): the dates
    /// are written in them, so a record shows the publisher's calendar day.
    public var publishedOffset: Int?
    public var modifiedOffset: Int?
    public var authors: [String]
    public var categories: [String]
    public var language: String?
    public var description: String?
    public var siteName: String?
    public var imageURL: String?
    public var fetchedAt: Date
    public var wordCount: Int
    public var contentHash: String
    public var duplicateOf: String?
    public var similarity: Double?
    public var revision: Int
    /// The file of the record this revision replaces.
    public var supersedes: String?
    public var extraction: ExtractionSummary?
    /// The worker that wrote the record when workers share a PostgreSQL state; nil with SQLite.
    public var worker: String?

    public init(id: String, url: String, canonicalURL: String, source: String, fetchedAt: Date,
                wordCount: Int, contentHash: String, revision: Int = 1) {
        self.id = id
        self.url = url
        self.canonicalURL = canonicalURL
        self.source = source
        self.fetchedAt = fetchedAt
        self.wordCount = wordCount
        self.contentHash = contentHash
        self.revision = revision
        authors = []
        categories = []
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, seq, file, url
        case canonicalURL = "canonical_url"
        case source, title, published, modified, authors, categories, language, description
        case siteName = "site_name"
        case imageURL = "image_url"
        case fetchedAt = "fetched_at"
        case wordCount = "word_count"
        case contentHash = "content_hash"
        case duplicateOf = "duplicate_of"
        case similarity, revision, supersedes, extraction, worker
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(seq, forKey: .seq)
        try c.encode(file, forKey: .file)
        try c.encode(url, forKey: .url)
        try c.encode(canonicalURL, forKey: .canonicalURL)
        try c.encode(source, forKey: .source)
        try c.encode(title, forKey: .title)
        try c.encode(published.map { ManifestDates.format($0, offset: publishedOffset) }, forKey: .published)
        try c.encode(modified.map { ManifestDates.format($0, offset: modifiedOffset) }, forKey: .modified)
        try c.encode(authors, forKey: .authors)
        try c.encode(categories, forKey: .categories)
        try c.encode(language, forKey: .language)
        try c.encode(description, forKey: .description)
        try c.encode(siteName, forKey: .siteName)
        try c.encode(imageURL, forKey: .imageURL)
        try c.encode(ManifestDates.format(fetchedAt), forKey: .fetchedAt)
        try c.encode(wordCount, forKey: .wordCount)
        try c.encode(contentHash, forKey: .contentHash)
        try c.encode(duplicateOf, forKey: .duplicateOf)
        try c.encode(similarity.map { ($0 * 10_000).rounded() / 10_000 }, forKey: .similarity)
        try c.encode(revision, forKey: .revision)
        try c.encode(supersedes, forKey: .supersedes)
        try c.encode(extraction, forKey: .extraction)
        try c.encode(worker, forKey: .worker)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        seq = try c.decodeIfPresent(Int.self, forKey: .seq)
        file = try c.decodeIfPresent(String.self, forKey: .file)
        url = try c.decode(String.self, forKey: .url)
        canonicalURL = try c.decode(String.self, forKey: .canonicalURL)
        source = try c.decode(String.self, forKey: .source)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        published = try c.decodeIfPresent(String.self, forKey: .published).flatMap(ManifestDates.parse)
        modified = try c.decodeIfPresent(String.self, forKey: .modified).flatMap(ManifestDates.parse)
        authors = try c.decodeIfPresent([String].self, forKey: .authors) ?? []
        categories = try c.decodeIfPresent([String].self, forKey: .categories) ?? []
        language = try c.decodeIfPresent(String.self, forKey: .language)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        siteName = try c.decodeIfPresent(String.self, forKey: .siteName)
        imageURL = try c.decodeIfPresent(String.self, forKey: .imageURL)
        let fetched = try c.decode(String.self, forKey: .fetchedAt)
        guard let fetchedDate = ManifestDates.parse(fetched) else {
            throw DecodingError.dataCorruptedError(forKey: .fetchedAt, in: c, debugDescription: "not an ISO 8601 date")
        }
        fetchedAt = fetchedDate
        wordCount = try c.decode(Int.self, forKey: .wordCount)
        contentHash = try c.decode(String.self, forKey: .contentHash)
        duplicateOf = try c.decodeIfPresent(String.self, forKey: .duplicateOf)
        similarity = try c.decodeIfPresent(Double.self, forKey: .similarity)
        revision = try c.decode(Int.self, forKey: .revision)
        supersedes = try c.decodeIfPresent(String.self, forKey: .supersedes)
        extraction = try c.decodeIfPresent(ExtractionSummary.self, forKey: .extraction)
        worker = try c.decodeIfPresent(String.self, forKey: .worker)
    }
}

/// How the body was obtained and how far to trust it.
public struct ExtractionSummary: Sendable, Equatable, Codable {
    public var method: String
    public var confidence: Double
    public var flags: [String]

    public init(method: String, confidence: Double, flags: [String]) {
        self.method = method
        self.confidence = confidence
        self.flags = flags
    }
}

/// ISO 8601 in UTC with seconds, the manifest's one date format.
public enum ManifestDates {
    /// `2026-11-20T10:00:00Z`: the instant's whole second in UTC (``ISOTimestamp``).
    /// With `offset` (seconds east of UTC), the same instant in that zone (`…T21:11:00-05:00`).
    public static func format(_ date: Date, offset: Int? = nil) -> String {
        ISOTimestamp.string(date, offset: offset)
    }

    public static func parse(_ string: String) -> Date? {
        if let date = try? Date(string, strategy: .iso8601) { return date }
        return try? Date(string, strategy: .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true).timeSeparator(.colon).timeZone(separator: .omitted))
    }

    /// The UTC day folder name of an instant (`2026-11-20`).
    public static func day(_ date: Date) -> String {
        String(ISOTimestamp.string(date).prefix(10))
    }
}
