public import Fetch

extension FetchConfig {
    /// The HTTP client settings this configuration section describes; every command and stage
    /// builds its client from here, so `copydesk fetch` behaves exactly like the pipeline.
    public func httpClientConfiguration() -> HTTPClientConfiguration {
        var configuration = HTTPClientConfiguration()
        configuration.userAgent = userAgent
        configuration.concurrency = concurrency
        configuration.perHostConcurrency = perHostConcurrency
        configuration.perHostDelay = .milliseconds(perHostDelayMs)
        configuration.timeout = Self.duration(seconds: timeoutSeconds)
        configuration.connectTimeout = Self.duration(seconds: connectTimeoutSeconds)
        configuration.stallTimeout = Self.duration(seconds: stallTimeoutSeconds)
        configuration.lowSpeedBytesPerSecond = lowSpeedBytesPerSecond
        configuration.maxBodyBytes = maxBodyBytes
        configuration.maxRedirects = maxRedirects
        configuration.maxAttempts = maxAttempts
        configuration.maxRetryAfter = Self.duration(seconds: maxRetryAfterSeconds)
        configuration.respectRobotsTxt = respectRobotsTxt
        configuration.allowPrivateNetworks = allowPrivateNetworks
        configuration.proxy = proxy
        configuration.caFile = caFile
        return configuration
    }

    private static func duration(seconds: Double) -> Duration {
        .milliseconds(Int64((seconds * 1000).rounded()))
    }
}
