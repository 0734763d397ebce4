/// Why a document yielded no feed at all. (Recoverable problems are ``ParseWarning``s instead.)
public enum FeedError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No bytes, or only whitespace.
    case emptyDocument
    /// The document is something else: an HTML page (a login wall, an error page), a sitemap,
    /// JSON that is not a JSON Feed, or XML with another root. `detected` names what it looked like.
    case notAFeed(detected: String)
    /// Nothing could be recovered: the bytes are not XML or JSON at all.
    case malformed(String)
    /// libxml2 stopped an entity expansion (a "billion laughs" bomb or an entity loop).
    case entityExpansionLimit
    /// The gzip-compressed document could not be inflated, or inflated past the size limit.
    case compression(String)

    public var description: String {
        switch self {
        case .emptyDocument: "empty document"
        case .notAFeed(let detected): "not a feed (looks like \(detected))"
        case .malformed(let reason): "malformed feed: \(reason)"
        case .entityExpansionLimit: "entity expansion limit hit (entity bomb); document rejected"
        case .compression(let reason): "compressed feed: \(reason)"
        }
    }
}
