public import Foundation

/// The robots.txt rules that apply to one user agent on one host (RFC 9309), plus the
/// host-wide `Sitemap:` lines.
public struct RobotsRules: Sendable, Equatable {
    /// One `Allow` or `Disallow` line.
    public struct Rule: Sendable, Equatable {
        /// `true` for `Allow`.
        public var allow: Bool
        /// The path pattern; `*` matches any run of characters, a final `$` anchors the end.
        public var pattern: String
    }

    /// The rules of the groups that matched the user agent (or of `*`).
    public var rules: [Rule]
    /// `Crawl-delay` of the matching group, if any.
    public var crawlDelay: Duration?
    /// Every `Sitemap:` URL in the file, whatever group it appears in.
    public var sitemaps: [URL]

    /// Creates rules directly.
    public init(rules: [Rule] = [], crawlDelay: Duration? = nil, sitemaps: [URL] = []) {
        self.rules = rules
        self.crawlDelay = crawlDelay
        self.sitemaps = sitemaps
    }

    /// Everything allowed: no robots.txt (4xx) or an empty one.
    public static let allowAll = RobotsRules()

    /// Nothing allowed: what an unreachable robots.txt (5xx) means.
    public static let disallowAll = RobotsRules(rules: [Rule(allow: false, pattern: "/")])

    /// Whether `path` (path plus `?query`, as sent on the request line) may be fetched.
    ///
    /// The longest matching pattern decides; on a tie `Allow` wins. `/robots.txt` is always allowed.
    public func isAllowed(_ path: String) -> Bool {
        if path == "/robots.txt" { return true }
        let path = RobotsPath.normalize(path)
        var best: Rule?
        var bestLength = -1
        for rule in rules where !rule.pattern.isEmpty && Self.matches(pattern: rule.pattern, path: path) {
            let length = rule.pattern.count
            if length > bestLength || (length == bestLength && rule.allow) {
                best = rule
                bestLength = length
            }
        }
        return best?.allow ?? true
    }

    /// Whether `url` may be fetched.
    public func isAllowed(_ url: URL) -> Bool { isAllowed(Self.pathAndQuery(of: url)) }

    /// The request-line form of `url`: percent-encoded path (or `/`) plus `?query`.
    static func pathAndQuery(of url: URL) -> String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        var path = components?.percentEncodedPath ?? url.path
        if path.isEmpty { path = "/" }
        if let query = components?.percentEncodedQuery { path += "?" + query }
        return path
    }

    /// Wildcard match anchored at the start; `$` at the end anchors the end.
    static func matches(pattern: String, path: String) -> Bool {
        var pattern = Array(pattern.utf8)
        let anchored = pattern.last == UInt8(ascii: "$")
        if anchored { pattern.removeLast() }
        let text = Array(path.utf8)
        // Classic greedy wildcard matching with backtracking to the last `*`.
        var p = 0
        var t = 0
        var starP = -1
        var starT = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == UInt8(ascii: "*") {
                starP = p
                starT = t
                p += 1
            } else if p < pattern.count, pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p == pattern.count, !anchored {
                return true
            } else if starP >= 0 {
                p = starP + 1
                starT += 1
                t = starT
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }
}
