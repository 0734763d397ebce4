@testable import Fetch
import Foundation
import Testing

@Suite struct AddressPolicyTests {
    private func v4(_ text: String) -> UInt32 {
        text.split(separator: ".").reduce(0) { $0 << 8 | UInt32($1)! }
    }

    @Test(arguments: ["127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
        "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.251", "239.255.255.250", "255.255.255.255"])
    func privateAndSpecialIPv4AreBlocked(address: String) {
        #expect(AddressPolicy.isBlocked(ipv4: v4(address)))
    }

    @Test(arguments: ["8.8.8.8", "93.184.216.34", "172.32.0.1", "192.169.0.1", "100.128.0.1", "1.1.1.1"])
    func publicIPv4IsAllowed(address: String) {
        #expect(!AddressPolicy.isBlocked(ipv4: v4(address)))
    }

    @Test func ipv6RangesAreChecked() {
        func bytes(_ head: [UInt8], tail: [UInt8] = []) -> [UInt8] {
            head + [UInt8](repeating: 0, count: 16 - head.count - tail.count) + tail
        }
        #expect(AddressPolicy.isBlocked(ipv6: bytes([], tail: [1])))  // ::1
        #expect(AddressPolicy.isBlocked(ipv6: bytes([0xFD, 0x12])))  // unique local
        #expect(AddressPolicy.isBlocked(ipv6: bytes([0xFE, 0x80])))  // link-local
        #expect(AddressPolicy.isBlocked(ipv6: bytes([0xFF, 0x02])))  // multicast
        #expect(AddressPolicy.isBlocked(ipv6: bytes([], tail: [0xFF, 0xFF, 10, 0, 0, 1])))  // ::ffff:10.0.0.1
        #expect(!AddressPolicy.isBlocked(ipv6: bytes([], tail: [0xFF, 0xFF, 8, 8, 8, 8])))
        #expect(!AddressPolicy.isBlocked(ipv6: bytes([0x20, 0x01, 0x0D, 0xB8, 0, 1])))
    }
}

@Suite struct RetryPolicyTests {
    private let policy = RetryPolicy(base: .milliseconds(100), cap: .seconds(1), maxRetryAfter: .seconds(60))

    @Test func backoffDoublesWithJitterAndStopsAtTheCap() {
        for attempt in 1...6 {
            let full = min(Duration.seconds(1), .milliseconds(100) * (1 << (attempt - 1)))
            let wait = policy.backoff(afterAttempt: attempt)
            #expect(wait >= full / 2 && wait <= full)
        }
    }

    @Test func retryAfterSecondsAndDates() {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        #expect(policy.retryAfter("7", now: now) == .wait(.seconds(7)))
        #expect(policy.retryAfter("Sun, 21 Sep 2026 14:13:50 GMT", now: now) == .wait(.seconds(30)))
        #expect(policy.retryAfter("Sunday, 21-Sep-26 14:13:30 GMT", now: now) == .wait(.seconds(10)))
        #expect(policy.retryAfter("Sun Sep 21 14:13:25 2026", now: now) == .wait(.seconds(5)))
        #expect(policy.retryAfter("3600", now: now) == .tooLong)
        #expect(policy.retryAfter("Sun, 21 Sep 2026 10:00:00 GMT", now: now) == .wait(.zero))  // in the past
        #expect(policy.retryAfter("soon", now: now) == nil)
        #expect(policy.retryAfter(nil, now: now) == nil)
    }
}

@Suite struct FetchErrorTests {
    @Test func errorClassesAreStable() {
        let cases: [(FetchError, String)] = [
            (.dns(host: "x"), "dns"), (.connect("refused"), "connect"), (.tls(.handshake, "bad cert"), "tls"), (.tls(.expired, "x"), "tls_expired"),
            (.timeout, "timeout"), (.stalled, "stalled"), (.tooLarge(limit: 1), "too_large"),
            (.tooManyRedirects(limit: 3), "too_many_redirects"), (.http(status: 503), "http_503"),
            (.robotsDisallowed(URL(string: "http://x/")!), "robots_disallowed"),
            (.blockedAddress(host: "x"), "blocked_address"), (.unsupportedScheme("ftp"), "unsupported_scheme"),
            (.invalidURL("::"), "invalid_url"), (.cancelled, "cancelled"), (.truncated, "truncated"),
            (.connectionLost("reset"), "connection_lost"), (.protocolError("chunk"), "protocol"), (.other("?"), "other"),
        ]
        for (error, name) in cases {
            #expect(error.errorClass == name)
            #expect(error.description.hasPrefix(name.hasPrefix("http_") ? "http" : name))
        }
    }

    @Test func responseParsesContentTypeAndCharset() {
        let response = FetchResponse(
            status: 200, requestedURL: URL(string: "http://x/")!, finalURL: URL(string: "http://x/")!, redirectChain: [],
            headers: HTTPHeaders([("content-type", "Text/HTML ; Charset=\"Windows-1252\"")]), body: Data(),
            validators: Validators(), timings: FetchTimings(), attempts: 1, httpVersion: "1.1"
        )
        #expect(response.contentType == "text/html")
        #expect(response.charset == "windows-1252")
    }
}
