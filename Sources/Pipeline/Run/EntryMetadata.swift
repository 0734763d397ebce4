public import Foundation

/// What a source said about an article before it was fetched (feed entry, sitemap entry or
/// section-page link). Kept with the queued URL and merged into the record where the page
/// itself lacks the field.
public struct EntryMetadata: Sendable, Codable, Equatable {
    public var title: String?
    public var published: Date?
    public var updated: Date?
    public var authors: [String] = []
    public var categories: [String] = []
    public var language: String?
    public var summary: String?
    public var guid: String?

    public init(title: String? = nil, published: Date? = nil, updated: Date? = nil, authors: [String] = [],
                categories: [String] = [], language: String? = nil, summary: String? = nil, guid: String? = nil) {
        self.title = title
        self.published = published
        self.updated = updated
        self.authors = authors
        self.categories = categories
        self.language = language
        self.summary = summary
        self.guid = guid
    }

    func json() -> String? {
        guard let data = try? JSONEncoder().encode(self) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func from(json: String?) -> EntryMetadata {
        guard let json, let value = try? JSONDecoder().decode(EntryMetadata.self, from: Data(json.utf8)) else {
            return EntryMetadata()
        }
        return value
    }
}
