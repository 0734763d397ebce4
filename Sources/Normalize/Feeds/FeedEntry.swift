public import Foundation

/// One item of a feed, with the metadata the source gives about the article it points to.
///
/// Strings are trimmed; absent fields are nil or empty. `link` is absolute (resolved against
/// `xml:base` and the feed's final URL).
public struct FeedEntry: Sendable, Codable, Equatable {
    /// The article's address (RSS `link`, Atom `link rel="alternate"`, JSON Feed `url`; an RSS
    /// `guid` that is a permalink when there is no `link`).
    public var link: URL?
    /// RSS `guid`, Atom `id`, JSON Feed `id`.
    public var guid: String?
    public var title: String?
    /// RSS `pubDate` / `dc:date`, Atom `published` (0.3: `issued`, `created`), JSON `date_published`.
    public var published: Date?
    /// Atom `updated` (0.3: `modified`), `dcterms:modified`, JSON `date_modified`.
    public var updated: Date?
    /// RSS `author`, `dc:creator`, Atom `author/name` (inherited from the feed when the entry has
    /// none), JSON Feed `author(s).name`.
    public var authors: [String]
    /// RSS `category`, `dc:subject`, Atom `category` (label, else term), JSON Feed `tags`.
    public var categories: [String]
    /// RSS `description`, Atom `summary`, JSON Feed `summary`: markup left as the feed gave it.
    public var summary: String?
    /// Full content: `content:encoded`, Atom `content`, JSON Feed `content_html` / `content_text`.
    public var content: String?
    /// `xml:lang` in force on the entry, `dc:language`, or JSON Feed 1.1 `language`.
    public var language: String?

    public init(
        link: URL? = nil, guid: String? = nil, title: String? = nil, published: Date? = nil,
        updated: Date? = nil, authors: [String] = [], categories: [String] = [], summary: String? = nil,
        content: String? = nil, language: String? = nil
    ) {
        self.link = link
        self.guid = guid
        self.title = title
        self.published = published
        self.updated = updated
        self.authors = authors
        self.categories = categories
        self.summary = summary
        self.content = content
        self.language = language
    }

    /// The best date for the article: `published`, else `updated`.
    public var date: Date? { published ?? updated }
}
