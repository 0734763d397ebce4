public import Foundation

/// Why a fetch failed: one case per failure class, so the pipeline can count them per source
/// and host (see ``errorClass``).
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The host name did not resolve.
    case dns(host: String)
    /// The TCP connection could not be made (refused, unreachable, connect timeout).
    case connect(String)
    /// The TLS handshake or certificate check failed; the cause is named (an unknown CA, an
    /// expired certificate, a wrong host name, a self-signed certificate, …) and the detail is
    /// libcurl's message.
    case tls(TLSFailure, String)
    /// The transfer ran past the overall timeout.
    case timeout
    /// The transfer was slower than the low-speed limit for the stall timeout.
    case stalled
    /// The decompressed body exceeded `maxBodyBytes`.
    case tooLarge(limit: Int)
    /// More redirects than `maxRedirects` (a loop ends here too).
    case tooManyRedirects(limit: Int)
    /// The final response had this (non-2xx, non-304) status.
    case http(status: Int)
    /// robots.txt disallows the URL for our user agent.
    case robotsDisallowed(URL)
    /// The host resolves to an address the safety rules refuse.
    case blockedAddress(host: String)
    /// Not http or https.
    case unsupportedScheme(String)
    /// The URL cannot be fetched as written.
    case invalidURL(String)
    /// The caller's task was cancelled, or the client shut down.
    case cancelled
    /// The body ended before the announced length.
    case truncated
    /// The connection broke while the response was read (reset, closed without a response).
    case connectionLost(String)
    /// The server broke HTTP (bad chunked framing, undecodable content encoding, garbage).
    case protocolError(String)
    /// Anything else libcurl reported.
    case other(String)

    /// A stable, low-cardinality name for metrics and logs: `dns`, `connect`, `tls` (or
    /// `tls_unknown_ca`, `tls_expired`, `tls_not_yet_valid`, `tls_hostname`, `tls_self_signed`,
    /// `tls_revoked`), `timeout`,
    /// `stalled`, `too_large`, `too_many_redirects`, `http_<status>`, `robots_disallowed`,
    /// `blocked_address`, `unsupported_scheme`, `invalid_url`, `cancelled`, `truncated`,
    /// `connection_lost`, `protocol`, `other`.
    public var errorClass: String {
        switch self {
        case .dns: "dns"
        case .connect: "connect"
        case .tls(let cause, _): cause == .handshake ? "tls" : "tls_\(cause.rawValue)"
        case .timeout: "timeout"
        case .stalled: "stalled"
        case .tooLarge: "too_large"
        case .tooManyRedirects: "too_many_redirects"
        case .http(let status): "http_\(status)"
        case .robotsDisallowed: "robots_disallowed"
        case .blockedAddress: "blocked_address"
        case .unsupportedScheme: "unsupported_scheme"
        case .invalidURL: "invalid_url"
        case .cancelled: "cancelled"
        case .truncated: "truncated"
        case .connectionLost: "connection_lost"
        case .protocolError: "protocol"
        case .other: "other"
        }
    }

    /// One line for people: the class and the detail.
    public var description: String {
        switch self {
        case .dns(let host): "dns: cannot resolve \(host)"
        case .connect(let detail): "connect: \(detail)"
        case .tls(let cause, let detail): "\(errorClass): \(cause.explanation): \(detail)"
        case .timeout: "timeout: transfer exceeded the overall time limit"
        case .stalled: "stalled: transfer slower than the low-speed limit for too long"
        case .tooLarge(let limit): "too_large: body exceeds \(limit) decompressed bytes"
        case .tooManyRedirects(let limit): "too_many_redirects: more than \(limit) redirects"
        case .http(let status): "http: status \(status)"
        case .robotsDisallowed(let url): "robots_disallowed: robots.txt disallows \(url.absoluteString)"
        case .blockedAddress(let host): "blocked_address: \(host) resolves to a private, loopback, link-local or multicast address"
        case .unsupportedScheme(let scheme): "unsupported_scheme: \(scheme) (only http and https)"
        case .invalidURL(let url): "invalid_url: \(url)"
        case .cancelled: "cancelled"
        case .truncated: "truncated: body shorter than announced"
        case .connectionLost(let detail): "connection_lost: \(detail)"
        case .protocolError(let detail): "protocol: \(detail)"
        case .other(let detail): "other: \(detail)"
        }
    }

    /// Whether a new attempt may succeed: connect failures, timeouts, stalls and broken
    /// connections are transient; everything else would fail the same way again.
    var isRetryable: Bool {
        switch self {
        case .connect, .timeout, .stalled, .truncated, .connectionLost: true
        case .http(let status): HTTPClientConfiguration.retryableStatuses.contains(status)
        default: false
        }
    }
}
