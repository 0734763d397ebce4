/// The syndication format a document turned out to be (detected from its content).
public enum FeedFormat: String, Sendable, Codable, Equatable, CaseIterable {
    /// RSS 0.91, 0.92, 2.0 (and anything else with an `<rss>` root).
    case rss
    /// RSS 1.0 and 0.90: RDF with `<item>`s beside the `<channel>`.
    case rdf
    /// Atom 1.0 (RFC 4287).
    case atom
    /// The pre-standard Atom 0.3 (`http://purl.org/atom/ns#`), tolerated.
    case atom03
    /// JSON Feed 1.0 or 1.1.
    case jsonFeed
}

/// RSS 1.0's `sy:updatePeriod`: the unit of `sy:updateFrequency`.
public enum SyndicationPeriod: String, Sendable, Codable, Equatable, CaseIterable {
    case hourly, daily, weekly, monthly, yearly

    /// Length of one period in seconds (a month is 30 days, a year 365).
    public var seconds: Double {
        switch self {
        case .hourly: 3600
        case .daily: 86_400
        case .weekly: 604_800
        case .monthly: 2_592_000
        case .yearly: 31_536_000
        }
    }
}
