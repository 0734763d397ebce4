public import Foundation

/// Bounds on following a tree of sitemap indexes.
public struct SitemapCrawlLimits: Sendable, Codable, Equatable {
    /// How many index levels below a root are followed (a root is depth 0).
    public var maxDepth: Int
    /// Sitemap documents fetched in all, roots included.
    public var maxSitemaps: Int
    /// Article URLs collected in all.
    public var maxURLs: Int

    public init(maxDepth: Int = 3, maxSitemaps: Int = 100, maxURLs: Int = 200_000) {
        self.maxDepth = maxDepth
        self.maxSitemaps = maxSitemaps
        self.maxURLs = maxURLs
    }
}

/// The plan for walking a site's sitemaps: which document to fetch next, which children of an
/// index to follow, and which URLs to keep, within ``SitemapCrawlLimits``. Pure bookkeeping — the
/// caller fetches, parses with ``SitemapParser`` and reports back with ``record(_:from:)``.
///
/// ```swift
/// var plan = SitemapCrawlPlan(roots: [sitemapURL], limits: limits)
/// while let next = plan.nextSitemap() {
///     let parsed = try SitemapParser.parse(try await fetch(next.url), url: next.url, window: window)
///     urls += plan.record(parsed, from: next)
/// }
/// ```
public struct SitemapCrawlPlan: Sendable {
    /// A sitemap to fetch and where it sits in the tree.
    public struct Step: Sendable, Equatable {
        public var url: URL
        public var depth: Int
    }

    /// A child sitemap that was not followed, and why.
    public struct Skipped: Sendable, Equatable {
        public enum Reason: String, Sendable, Equatable {
            case depthLimit, sitemapLimit, alreadySeen
        }

        public var url: URL
        public var reason: Reason
    }

    public let limits: SitemapCrawlLimits
    private var queue: [Step]
    private var queueHead = 0
    private var seenSitemaps: Set<URL>
    private var seenURLs = Set<URL>()
    public private(set) var fetchedCount = 0
    public private(set) var collectedCount = 0
    public private(set) var skipped: [Skipped] = []
    /// URLs dropped because `maxURLs` was reached.
    public private(set) var droppedURLs = 0

    public init(roots: [URL], limits: SitemapCrawlLimits = SitemapCrawlLimits()) {
        self.limits = limits
        var unique: [URL] = []
        var seen = Set<URL>()
        for root in roots where seen.insert(root).inserted { unique.append(root) }
        queue = unique.map { Step(url: $0, depth: 0) }
        seenSitemaps = seen
    }

    /// The next sitemap to fetch, or nil when done or out of budget.
    public mutating func nextSitemap() -> Step? {
        guard queueHead < queue.count, fetchedCount < limits.maxSitemaps else { return nil }
        let step = queue[queueHead]
        queueHead += 1
        fetchedCount += 1
        return step
    }

    /// Records a parsed sitemap: its children are queued (breadth first, within the limits) and
    /// the URLs not seen before are returned, up to the remaining URL budget.
    public mutating func record(_ sitemap: ParsedSitemap, from step: Step) -> [SitemapEntry] {
        for child in sitemap.sitemaps {
            if seenSitemaps.contains(child.loc) {
                skipped.append(Skipped(url: child.loc, reason: .alreadySeen))
            } else if step.depth + 1 > limits.maxDepth {
                skipped.append(Skipped(url: child.loc, reason: .depthLimit))
            } else if queue.count >= limits.maxSitemaps {
                skipped.append(Skipped(url: child.loc, reason: .sitemapLimit))
            } else {
                seenSitemaps.insert(child.loc)
                queue.append(Step(url: child.loc, depth: step.depth + 1))
            }
        }
        var accepted: [SitemapEntry] = []
        for entry in sitemap.entries where seenURLs.insert(entry.loc).inserted {
            guard collectedCount < limits.maxURLs else {
                droppedURLs += 1
                continue
            }
            collectedCount += 1
            accepted.append(entry)
        }
        return accepted
    }
}
