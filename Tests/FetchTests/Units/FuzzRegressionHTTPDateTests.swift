@testable import Fetch
import Foundation
import Testing

/// Fuzzing the `http` target found input on which Foundation's `DateFormatter` traps
/// ("Incorrect range CFRange"): non-ASCII bytes in what should be an HTTP date. A server's
/// `Retry-After` or `Last-Modified` header reaches this parser, so it must answer nil instead.
/// Without the ASCII check this test crashes the process.
@Suite("Fuzz regression: HTTP dates")
struct FuzzRegressionHTTPDateTests {
    @Test func theFuzzersInputIsNoDate() {
        // The bytes libFuzzer saved (`fuzz/corpus/http/finding-nonascii-date`).
        let bytes: [UInt8] = [0x53, 0x75, 0x6E, 0xDF, 0xAC, 0x9A, 0x8F, 0x20, 0x31, 0x53, 0x65, 0x70,
                              0x31, 0x33, 0x3A, 0x32, 0x36, 0x20, 0x32, 0x36]
        #expect(HTTPDateParser.parse(String(decoding: bytes, as: UTF8.self)) == nil)
        #expect(RetryPolicy(base: .seconds(1), cap: .seconds(60), maxRetryAfter: .seconds(600))
            .retryAfter(String(decoding: bytes, as: UTF8.self)) == nil)
    }

    @Test func realDatesStillParse() {
        #expect(HTTPDateParser.parse("Sun, 06 Nov 1994 08:49:37 GMT") == Date(timeIntervalSince1970: 784_111_777))
        #expect(HTTPDateParser.parse("Sunday, 06-Nov-94 08:49:37 GMT") == Date(timeIntervalSince1970: 784_111_777))
        #expect(HTTPDateParser.parse("Sun Nov  6 08:49:37 1994") == Date(timeIntervalSince1970: 784_111_777))
        #expect(HTTPDateParser.parse("Sun, 06 Nov 1994 08:49:37 GMT\u{301}") == nil)
    }
}
