public import Foundation

/// An article page as fetched: raw bytes plus what HTTP said about them.
public struct ArticleInput: Sendable {
    /// The response body, in whatever charset the server sent.
    public var html: Data
    /// The page URL, used to resolve relative links and to judge same-site canonicals.
    public var url: URL?
    /// The HTTP `Content-Type` header; its `charset` parameter is the strongest declaration.
    public var contentType: String?
    /// The HTTP `Content-Language` header.
    public var contentLanguage: String?
    /// When the page was fetched: the reference for "3 hours ago" and the latest plausible
    /// publication date (nil: now).
    public var fetchedAt: Date?

    /// An input page; only the bytes are required.
    public init(html: Data, url: URL? = nil, contentType: String? = nil, contentLanguage: String? = nil,
                fetchedAt: Date? = nil) {
        self.html = html
        self.fetchedAt = fetchedAt
        self.url = url
        self.contentType = contentType
        self.contentLanguage = contentLanguage
    }
}
