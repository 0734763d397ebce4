public import Foundation

/// One `<url>` of a `urlset` sitemap.
public struct SitemapEntry: Sendable, Codable, Equatable {
    /// `loc`, absolute.
    public var loc: URL
    /// `lastmod`.
    public var lastModified: Date?
    /// `changefreq` as written (`daily`, `hourly` …).
    public var changeFrequency: String?
    /// `priority` (0…1).
    public var priority: Double?
    /// The Google News extension (`news:news`), when present.
    public var news: SitemapNews?

    public init(
        loc: URL, lastModified: Date? = nil, changeFrequency: String? = nil, priority: Double? = nil,
        news: SitemapNews? = nil
    ) {
        self.loc = loc
        self.lastModified = lastModified
        self.changeFrequency = changeFrequency
        self.priority = priority
        self.news = news
    }

    /// The date used for window filtering: the news publication date, else `lastmod`.
    public var date: Date? { news?.publicationDate ?? lastModified }
}

/// Google News sitemap fields (`http://www.google.com/schemas/sitemap-news/0.9`).
public struct SitemapNews: Sendable, Codable, Equatable {
    /// `news:publication_date`.
    public var publicationDate: Date?
    /// `news:title`.
    public var title: String?
    /// `news:publication/news:language`.
    public var language: String?
    /// `news:publication/news:name`.
    public var publicationName: String?
    /// `news:keywords`, split on commas.
    public var keywords: [String]

    public init(
        publicationDate: Date? = nil, title: String? = nil, language: String? = nil, publicationName: String? = nil,
        keywords: [String] = []
    ) {
        self.publicationDate = publicationDate
        self.title = title
        self.language = language
        self.publicationName = publicationName
        self.keywords = keywords
    }
}

/// One `<sitemap>` of a `sitemapindex`: a child sitemap for the caller to fetch.
public struct SitemapReference: Sendable, Codable, Equatable {
    public var loc: URL
    public var lastModified: Date?

    public init(loc: URL, lastModified: Date? = nil) {
        self.loc = loc
        self.lastModified = lastModified
    }
}

/// What a sitemap document yields, one at a time.
public enum SitemapItem: Sendable, Equatable {
    case url(SitemapEntry)
    case sitemap(SitemapReference)
}

/// The two kinds of sitemap document.
public enum SitemapKind: String, Sendable, Codable, Equatable {
    case urlset
    case sitemapIndex
}
