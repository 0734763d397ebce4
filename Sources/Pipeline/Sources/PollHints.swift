public import Foundation
public import Normalize

/// What a source says about how often it should be polled: the feed's own `ttl` and
/// `sy:updatePeriod`/`sy:updateFrequency`, and the HTTP caching headers of the last response.
public struct PollHints: Sendable, Codable, Equatable {
    /// RSS `ttl`: the feed may be cached this long.
    public var ttl: TimeInterval?
    /// `sy:updatePeriod` / `sy:updateFrequency`: the publisher's expected time between updates.
    public var syndicationInterval: TimeInterval?
    /// `Cache-Control: max-age`.
    public var maxAge: TimeInterval?
    /// `Expires`, when there is no `max-age` (which takes precedence, as in HTTP).
    public var expires: Date?

    public init(
        ttl: TimeInterval? = nil, syndicationInterval: TimeInterval? = nil, maxAge: TimeInterval? = nil,
        expires: Date? = nil
    ) {
        self.ttl = ttl
        self.syndicationInterval = syndicationInterval
        self.maxAge = maxAge
        self.expires = expires
    }

    /// Hints from a parsed feed (nil for sitemaps and pages) and the raw `Cache-Control` and
    /// `Expires` header values of the response that carried it.
    public init(feed: ParsedFeed?, cacheControl: String?, expires: String?) {
        ttl = feed?.ttlMinutes.flatMap { $0 > 0 ? TimeInterval($0) * 60 : nil }
        if let period = feed?.updatePeriod {
            syndicationInterval = period.seconds / Double(max(feed?.updateFrequency ?? 1, 1))
        }
        maxAge = cacheControl.flatMap(Self.maxAge(fromCacheControl:))
        self.expires = maxAge == nil ? expires.flatMap(FeedDate.parse) : nil
    }

    /// `max-age=N` from a Cache-Control value; nil with `no-cache`/`no-store` or when absent.
    static func maxAge(fromCacheControl value: String) -> TimeInterval? {
        var maxAge: TimeInterval?
        for directive in value.lowercased().split(separator: ",") {
            let parts = directive.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            switch parts[0] {
            case "no-cache", "no-store": return nil
            case "max-age" where parts.count == 2:
                maxAge = Double(parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))).flatMap {
                    $0 >= 0 ? $0 : nil
                }
            default: continue
            }
        }
        return maxAge
    }
}
