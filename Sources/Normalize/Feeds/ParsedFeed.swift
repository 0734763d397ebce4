public import Foundation

/// Everything a feed document says: its own metadata, its entries, and the hints it gives about
/// how often to poll it.
public struct ParsedFeed: Sendable, Codable, Equatable {
    public var format: FeedFormat
    public var title: String?
    /// The site the feed belongs to (RSS channel `link`, Atom `link rel="alternate"`, JSON Feed
    /// `home_page_url`), absolute.
    public var siteLink: URL?
    /// Channel `language` / `dc:language`, `xml:lang` on the root, JSON Feed 1.1 `language`.
    public var language: String?
    /// Entries in document order, duplicates (same guid or same link) removed.
    public var entries: [FeedEntry]
    /// RSS `ttl`: minutes the feed may be cached.
    public var ttlMinutes: Int?
    /// `sy:updatePeriod` (default `daily` when only a frequency is given, as the module says).
    public var updatePeriod: SyndicationPeriod?
    /// `sy:updateFrequency`: updates per `updatePeriod`.
    public var updateFrequency: Int?
    /// RFC 5005 archived feeds: the `prev-archive` link, to walk back through a feed's history.
    public var previousArchive: URL?
    /// What libxml2 (or the JSON reader) recovered from, and entries dropped as duplicates.
    public var warnings: [ParseWarning]
    /// Entries left out of `entries` because an earlier one had the same guid or link, in
    /// document order: the pipeline never fetches them, `copydesk feed` shows them marked.
    public var repeatedEntries: [FeedEntry] = []

    public init(
        format: FeedFormat, title: String? = nil, siteLink: URL? = nil, language: String? = nil,
        entries: [FeedEntry] = [], ttlMinutes: Int? = nil, updatePeriod: SyndicationPeriod? = nil,
        updateFrequency: Int? = nil, previousArchive: URL? = nil, warnings: [ParseWarning] = []
    ) {
        self.format = format
        self.title = title
        self.siteLink = siteLink
        self.language = language
        self.entries = entries
        self.ttlMinutes = ttlMinutes
        self.updatePeriod = updatePeriod
        self.updateFrequency = updateFrequency
        self.previousArchive = previousArchive
        self.warnings = warnings
    }
}
