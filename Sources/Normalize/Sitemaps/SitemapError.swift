/// Why a document yielded no sitemap.
public enum SitemapError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyDocument
    /// An HTML page, a feed, or XML with another root (`detected` says which).
    case notASitemap(detected: String)
    case malformed(String)
    /// libxml2 stopped an entity expansion (a "billion laughs" bomb).
    case entityExpansionLimit
    /// The gzip stream is corrupt or inflates past the limit.
    case compression(String)
    /// Reading the file or stream failed.
    case io(String)

    public var description: String {
        switch self {
        case .emptyDocument: "empty document"
        case .notASitemap(let detected): "not a sitemap (looks like \(detected))"
        case .malformed(let reason): "malformed sitemap: \(reason)"
        case .entityExpansionLimit: "entity expansion limit hit (entity bomb); document rejected"
        case .compression(let reason): "compressed sitemap: \(reason)"
        case .io(let reason): "reading sitemap: \(reason)"
        }
    }
}
