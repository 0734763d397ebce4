public import Foundation

/// An article record: the body in seed-file format and its metadata.
public struct ExtractedArticle: Sendable, Codable, Equatable {
    /// Paragraphs in reading order, one per line: NFC, white space collapsed, no empty lines.
    public var bodyLines: [String]
    public var title: String?
    public var published: Date?
    public var modified: Date?
    public var authors: [String]
    /// BCP 47-like primary language code (`en`, `pt`, `zh`…).
    public var language: String?
    public var description: String?
    /// Absolute; only from a same-site `link rel=canonical` or `og:url`.
    public var canonicalURL: String?
    public var siteName: String?
    public var imageURL: String?
    public var quality: QualityFlags

    /// The body in the seed-file format: one paragraph per line, LF, final newline; an empty
    /// body is the empty string (a lone newline would be an empty line).
    public var text: String { bodyLines.isEmpty ? "" : bodyLines.joined(separator: "\n") + "\n" }

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
