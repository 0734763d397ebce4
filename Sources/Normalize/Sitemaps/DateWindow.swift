public import Foundation

/// A range of dates to keep (both ends optional and inclusive), for backfilling a period from a
/// sitemap or limiting a run to recent articles.
public struct DateWindow: Sendable, Codable, Equatable {
    public var start: Date?
    public var end: Date?
    /// Whether items without any date are kept (default true: a missing `lastmod` says nothing).
    public var includesUndated: Bool

    public init(start: Date? = nil, end: Date? = nil, includesUndated: Bool = true) {
        self.start = start
        self.end = end
        self.includesUndated = includesUndated
    }

    public func contains(_ date: Date?) -> Bool {
        guard let date else { return includesUndated }
        if let start, date < start { return false }
        if let end, date > end { return false }
        return true
    }

    /// Whether a child sitemap last modified at `date` can hold anything in the window: one last
    /// modified before the window's start cannot.
    public func mayContain(sitemapModifiedAt date: Date?) -> Bool {
        guard let date, let start else { return true }
        return date >= start
    }
}
