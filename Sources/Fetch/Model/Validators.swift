/// The validators a server gave for a URL, replayed in conditional requests.
public struct Validators: Sendable, Hashable, Codable {
    /// The `ETag` header value, verbatim (quotes and `W/` included).
    public var etag: String?
    /// The `Last-Modified` header value, verbatim (echoed as `If-Modified-Since`).
    public var lastModified: String?

    /// Creates validators; both may be `nil`.
    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    /// Whether there is anything to send.
    public var isEmpty: Bool { etag == nil && lastModified == nil }

    /// The request header fields that make a GET conditional.
    var conditionalHeaders: [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = []
        if let etag { headers.append(("If-None-Match", etag)) }
        if let lastModified { headers.append(("If-Modified-Since", lastModified)) }
        return headers
    }
}
