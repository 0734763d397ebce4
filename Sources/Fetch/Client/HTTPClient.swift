public import Foundation
public import Logging

/// A polite, fault-tolerant HTTP client on libcurl's multi interface.
///
/// All transfers run on one event-loop thread (``CurlEventLoop``); callers `await` them and may
/// cancel. Around each transfer the client enforces the global and per-host concurrency limits
/// and the per-host delay, obeys robots.txt, follows redirects hop by hop (checking each hop),
/// retries transient failures with backoff, and sends conditional requests.
///
/// ```swift
/// let client = HTTPClient(configuration: .init(), logger: logger)
/// let response = try await client.fetch(FetchRequest(url: url))
/// await client.shutdown()
/// ```
public final class HTTPClient: Sendable {
    /// The configuration the client was made with.
    public let configuration: HTTPClientConfiguration
    let logger: Logger
    let conditionalGetCache: (any ConditionalGetCache)?
    let loop: CurlEventLoop
    let scheduler: HostScheduler
    let robotsCache = RobotsCache()
    let retryPolicy: RetryPolicy
    /// Whether connections may go through a proxy, in which case the open-socket check would
    /// see the proxy's address, so targets are resolved and checked up front instead.
    let mayUseProxy: Bool

    /// Creates a client and starts its event-loop thread.
    ///
    /// - Parameter conditionalGetCache: read for validators when a request is conditional;
    ///   never written by the client (see ``ConditionalGetCache``).
    public init(
        configuration: HTTPClientConfiguration,
        logger: Logger = Logger(label: "copydesk.fetch"),
        conditionalGetCache: (any ConditionalGetCache)? = nil
    ) {
        self.configuration = configuration
        self.logger = logger
        self.conditionalGetCache = conditionalGetCache
        loop = CurlEventLoop(connectionCacheSize: configuration.connectionCacheSize)
        scheduler = HostScheduler(
            concurrency: configuration.concurrency,
            perHostConcurrency: configuration.perHostConcurrency,
            defaultDelay: configuration.perHostDelay
        )
        retryPolicy = RetryPolicy(
            base: configuration.backoffBase, cap: configuration.backoffCap, maxRetryAfter: configuration.maxRetryAfter
        )
        let environment = ProcessInfo.processInfo.environment
        let proxyVariables = ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]
        mayUseProxy = configuration.proxy != nil || proxyVariables.contains { environment[$0]?.isEmpty == false }
    }

    deinit { loop.requestStop() }

    /// Abandons transfers in flight (they fail with ``FetchError/cancelled``) and stops the
    /// event loop. Fetches started afterwards fail with ``FetchError/cancelled``.
    public func shutdown() async {
        await loop.shutdown()
    }

    /// Fetches `request`, following redirects.
    ///
    /// Returns the final response when its status is 2xx, or 304 for a conditional request
    /// whose resource is unchanged. Every other outcome throws a ``FetchError``; a final status
    /// outside those throws ``FetchError/http(status:)`` after any retries.
    public func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResponse {
        try await fetch(request, obeyRobots: configuration.respectRobotsTxt)
    }

    /// The robots.txt rules for `url`'s host (from the cache when fresh), fetched even when
    /// the client does not obey them, so `Sitemap:` lines can feed discovery. `nil` when the
    /// file cannot be fetched (connection failures).
    public func robots(for url: URL) async -> RobotsRules? {
        try? await robotsRules(for: url, checkAddresses: !configuration.allowPrivateNetworks)
    }
}
