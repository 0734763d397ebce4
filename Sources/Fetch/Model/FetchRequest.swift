public import Foundation

/// One thing to fetch.
public struct FetchRequest: Sendable {
    /// The HTTP methods the client uses.
    public enum Method: String, Sendable {
        case get = "GET"
        case head = "HEAD"
    }

    /// The URL to fetch (http or https).
    public var url: URL
    /// GET or HEAD.
    public var method: Method
    /// Extra request header fields (the client sets `User-Agent`, `Accept-Encoding` and the
    /// conditional fields itself).
    public var headers: [(name: String, value: String)]
    /// Send `If-None-Match` / `If-Modified-Since` from ``validators`` or, when that is `nil`,
    /// from the client's ``ConditionalGetCache``.
    public var conditional: Bool
    /// Explicit validators; they take precedence over the cache.
    public var validators: Validators?
    /// `true` for URLs found in a feed, sitemap or page. Such URLs (and every hop of their
    /// redirects) are refused when their host resolves to a loopback, private, link-local or
    /// multicast address, unless private networks are allowed. URLs the operator configured
    /// (`false`) are trusted, but a redirect that leaves their host is checked like a
    /// discovered URL, because its target is chosen by the remote server.
    public var isDiscovered: Bool
    /// Redirects this request may follow, when fewer than the client's `maxRedirects`
    /// (robots.txt: five, as RFC 9309 says).
    public var maxRedirects: Int?

    /// Creates a request.
    public init(
        url: URL,
        method: Method = .get,
        headers: [(name: String, value: String)] = [],
        conditional: Bool = false,
        validators: Validators? = nil,
        isDiscovered: Bool = true
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.conditional = conditional
        self.validators = validators
        self.isDiscovered = isDiscovered
    }
}
