/// Everything that shapes the behaviour of an ``HTTPClient``.
public struct HTTPClientConfiguration: Sendable, Equatable {
    /// Sent as `User-Agent` and matched against robots.txt groups (by its product token, the
    /// part before the first `/`).
    public var userAgent: String = "Copydesk/0.1"
    /// Transfers in flight across all hosts.
    public var concurrency: Int = 16
    /// Transfers in flight to one host (scheme, host and port).
    public var perHostConcurrency: Int = 2
    /// Minimum time between the starts of two requests to one host; a larger robots.txt
    /// `Crawl-delay` (up to ``maxCrawlDelay``) replaces it for that host.
    public var perHostDelay: Duration = .seconds(1)
    /// Overall limit of one transfer (one attempt of one hop).
    public var timeout: Duration = .seconds(30)
    /// Limit for the TCP (and TLS) connect.
    public var connectTimeout: Duration = .seconds(10)
    /// A transfer below ``lowSpeedBytesPerSecond`` for this long is abandoned as stalled.
    /// libcurl counts it in whole seconds, so it is rounded up to at least one second.
    public var stallTimeout: Duration = .seconds(15)
    /// The low-speed limit for ``stallTimeout``.
    public var lowSpeedBytesPerSecond: Int = 100
    /// Limit on the decompressed body.
    public var maxBodyBytes: Int = 10_485_760
    /// Redirects followed before giving up.
    public var maxRedirects: Int = 8
    /// Attempts for a retryable failure, the first included.
    public var maxAttempts: Int = 4
    /// The longest `Retry-After` the client waits for; a longer one ends the retries.
    public var maxRetryAfter: Duration = .seconds(120)
    /// First retry waits about this long; each further retry doubles it (with jitter).
    public var backoffBase: Duration = .milliseconds(500)
    /// Upper bound of a computed backoff.
    public var backoffCap: Duration = .seconds(30)
    /// Fetch and obey robots.txt.
    public var respectRobotsTxt: Bool = true
    /// How long a fetched robots.txt is trusted.
    public var robotsCacheTTL: Duration = .seconds(24 * 3600)
    /// How long an unreachable robots.txt (5xx, 429) disallows its host before a new try.
    public var robotsFailureTTL: Duration = .seconds(600)
    /// The largest robots.txt `Crawl-delay` honoured; bigger values are cut to this.
    public var maxCrawlDelay: Duration = .seconds(60)
    /// Allow discovered URLs whose host resolves to loopback, private, link-local or multicast
    /// addresses.
    public var allowPrivateNetworks: Bool = false
    /// Proxy URL (`http://proxy:3128`); when `nil`, libcurl's standard environment variables
    /// (`http_proxy`, `https_proxy`, `all_proxy`, `no_proxy`) apply.
    public var proxy: String?
    /// A PEM file of CA certificates to trust instead of the system's bundle (a private CA).
    /// Certificate verification itself cannot be turned off.
    public var caFile: String?
    /// Idle connections kept for reuse across all hosts.
    public var connectionCacheSize: Int = 64

    /// Creates the default configuration.
    public init() {}

    /// Statuses worth another attempt.
    static let retryableStatuses: Set<Int> = [408, 429, 500, 502, 503, 504]
}
