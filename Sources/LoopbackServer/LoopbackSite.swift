public import Foundation

/// A page of a ``LoopbackSite``.
public struct LoopbackPage: Sendable {
    /// The `Content-Type` header value.
    public var contentType: String
    /// The page's bytes.
    public var body: Data
    /// Extra header fields.
    public var headers: [(name: String, value: String)]
    /// Sent as `Last-Modified` and compared with `If-Modified-Since` when set.
    public var lastModified: Date?

    /// A page with the given bytes.
    public init(contentType: String, body: Data, headers: [(name: String, value: String)] = [], lastModified: Date? = nil) {
        self.contentType = contentType
        self.body = body
        self.headers = headers
        self.lastModified = lastModified
    }

    /// A page with text content.
    public init(contentType: String = "text/html; charset=utf-8", _ text: String, lastModified: Date? = nil) {
        self.init(contentType: contentType, body: Data(text.utf8), lastModified: lastModified)
    }

    /// A strong validator derived from the content, so a changed page gets a new one.
    public var etag: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in body {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return "\"\(String(hash, radix: 16))-\(body.count)\""
    }
}

/// A static site: path → page, plus optional handlers for dynamic paths.
///
/// Pages can be changed while the server runs (to model an article being revised). Every page
/// is served with an `ETag` (and `Last-Modified` when given) and conditional requests that
/// match get `304 Not Modified`, so clients' conditional GET can be exercised end to end.
/// Unknown paths get `404`.
public final class LoopbackSite: Sendable {
    private let pages: LockedValue<[String: LoopbackPage]>
    private let routes = LockedValue([String: @Sendable (LoopbackRequest) -> LoopbackResponse]())
    /// Whether pages carry validators and honour conditional requests.
    public let conditionalRequests: Bool

    /// Creates a site from `pages`, keyed by path (with query, if the site should tell them apart).
    public init(pages: [String: LoopbackPage] = [:], conditionalRequests: Bool = true) {
        self.pages = LockedValue(pages)
        self.conditionalRequests = conditionalRequests
    }

    /// Adds or replaces the page at `path`.
    public func set(_ path: String, _ page: LoopbackPage) {
        pages.withLock { $0[path] = page }
    }

    /// Removes the page at `path`; it answers `404` afterwards.
    public func remove(_ path: String) {
        _ = pages.withLock { $0.removeValue(forKey: path) }
    }

    /// Answers requests for `path` with `handler` instead of a static page.
    public func route(_ path: String, _ handler: @escaping @Sendable (LoopbackRequest) -> LoopbackResponse) {
        routes.withLock { $0[path] = handler }
    }

    /// The response the site gives to `request`.
    public func respond(to request: LoopbackRequest) -> LoopbackResponse {
        if let route = routes.withLock({ $0[request.target] ?? $0[request.path] }) {
            return route(request)
        }
        guard let page = pages.withLock({ $0[request.target] ?? $0[request.path] }) else {
            return .status(404, body: "not found")
        }
        var headers = [(name: "Content-Type", value: page.contentType)] + page.headers
        if conditionalRequests {
            let etag = page.etag
            headers.append(("ETag", etag))
            if let modified = page.lastModified {
                headers.append(("Last-Modified", ResponseWriter.httpDate(modified)))
            }
            if let match = request.header("If-None-Match") {
                if match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag || $0.trimmingCharacters(in: .whitespaces) == "*" }) {
                    return .notModified(etag: etag)
                }
            } else if let since = request.header("If-Modified-Since"), let modified = page.lastModified,
                let sinceDate = HTTPDate.parse(since), modified.timeIntervalSince(sinceDate) < 1
            {
                return .notModified()
            }
        }
        return LoopbackResponse(status: 200, headers: headers, body: page.body)
    }
}
