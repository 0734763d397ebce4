public import Foundation

/// One HTTP request as the loopback server received it.
public struct LoopbackRequest: Sendable {
    /// The method token, e.g. `GET` or `HEAD`.
    public var method: String
    /// The path without the query, e.g. `/news/today.html`.
    public var path: String
    /// The raw query after `?`, or `nil` when the target has none.
    public var query: String?
    /// Header fields in arrival order, names as sent.
    public var headers: [(name: String, value: String)]
    /// The request body (empty for GET and HEAD).
    public var body: Data
    /// Which connection carried the request; equal ids mean a reused (kept-alive) connection.
    public var connectionID: Int
    /// Position of this request on its connection, starting at 0.
    public var indexOnConnection: Int

    /// Creates a request; the server builds these, tests may too for handler unit tests.
    public init(
        method: String, path: String, query: String? = nil,
        headers: [(name: String, value: String)] = [], body: Data = Data(),
        connectionID: Int = 0, indexOnConnection: Int = 0
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.connectionID = connectionID
        self.indexOnConnection = indexOnConnection
    }

    /// The first value of a header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The value of one query parameter (`?a=1&b=2`), percent-decoded.
    public func queryValue(_ name: String) -> String? {
        guard let query else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.first.map(String.init)?.removingPercentEncoding == name {
                return parts.count > 1 ? String(parts[1]).removingPercentEncoding ?? String(parts[1]) : ""
            }
        }
        return nil
    }

    /// The request target as sent: path plus `?query` when present.
    public var target: String { query.map { "\(path)?\($0)" } ?? path }
}
