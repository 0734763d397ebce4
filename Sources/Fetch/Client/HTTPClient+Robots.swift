import Foundation
import Logging

extension HTTPClient {
    /// The rules for `url`'s origin, loading robots.txt when the cached copy is missing or old,
    /// and applying its `Crawl-delay` to the host's spacing.
    func robotsRules(for url: URL, checkAddresses: Bool) async throws(FetchError) -> RobotsRules {
        let origin = Self.origin(of: url)
        return try await robotsCache.rules(for: origin) { () async throws(FetchError) -> (RobotsRules, Duration) in
            let (rules, ttl) = try await loadRobots(origin: origin, checkAddresses: checkAddresses)
            if let crawlDelay = rules.crawlDelay, configuration.respectRobotsTxt {
                let delay = max(configuration.perHostDelay, min(crawlDelay, configuration.maxCrawlDelay))
                scheduler.setDelay(delay, for: origin)
            }
            return (rules, ttl)
        }
    }

    private func loadRobots(origin: String, checkAddresses: Bool) async throws(FetchError) -> (RobotsRules, Duration) {
        guard let robotsURL = URL(string: origin + "/robots.txt") else { throw .invalidURL(origin) }
        var request = FetchRequest(url: robotsURL, isDiscovered: checkAddresses)
        request.headers = [("Accept", "text/plain, */*;q=0.5")]
        // RFC 9309: follow at least five consecutive redirects; past that the file is
        // unavailable, which (like a 4xx) allows everything.
        request.maxRedirects = 5
        do {
            let response = try await fetch(request, obeyRobots: false)
            let text = String(decoding: response.body.prefix(RobotsRules.maxParsedBytes), as: UTF8.self)
            let rules = RobotsRules(parsing: text, userAgent: configuration.userAgent, baseURL: response.finalURL)
            return (rules, configuration.robotsCacheTTL)
        } catch {
            switch error {
            case .http(let status) where status == 429 || status >= 500:
                // Unreachable: RFC 9309 says assume everything is disallowed, for a while.
                logger.info("robots.txt unreachable", metadata: ["origin": "\(origin)", "http.status": "\(status)"])
                return (.disallowAll, configuration.robotsFailureTTL)
            case .http, .tooManyRedirects, .tooLarge, .protocolError:
                // No usable file (404, 410, …): no restrictions.
                return (.allowAll, configuration.robotsCacheTTL)
            default:
                throw error
            }
        }
    }
}
