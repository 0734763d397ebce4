import Foundation
import Normalize
import Testing

@Suite struct FeedDateTests {
    static let cases: [(String, String)] = [
        ("Tue, 02 Jan 2024 10:04:05 GMT", "2024-01-02T10:04:05Z"),
        ("Tue, 02 Jan 2024 10:04:05 +0000", "2024-01-02T10:04:05Z"),
        ("Tue, 2 Jan 2024 10:04:05 -0500", "2024-01-02T15:04:05Z"),
        ("Tue, 02 Jan 2024 10:04 EST", "2024-01-02T15:04:00Z"),
        ("Tue, 02 Jan 2024 10:04:05 PDT", "2024-01-02T17:04:05Z"),
        ("Tue, 02 Jan 2024 10:04:05 UT", "2024-01-02T10:04:05Z"),
        ("Tue, 02 Jan 2024 10:04:05 Z", "2024-01-02T10:04:05Z"),
        ("Tue, 02 Jan 2024 10:04:05 A", "2024-01-02T09:04:05Z"),
        ("Tue, 02 Jan 2024 10:04:05 N", "2024-01-02T11:04:05Z"),
        ("TUESDAY, 02 JAN 2024 10:04:05 GMT", "2024-01-02T10:04:05Z"),
        ("tue, 02 jan 24 10:04:05 gmt", "2024-01-02T10:04:05Z"),
        ("02 Jan 99 10:04:05 GMT", "1999-01-02T10:04:05Z"),
        ("02 January 2024 10:04:05 +02:00", "2024-01-02T08:04:05Z"),
        ("Tue, 02 Jan 2024", "2024-01-02T00:00:00Z"),
        ("Tue, 02 Jan 2024 10:04:05", "2024-01-02T10:04:05Z"),
        ("Tue, 02-Jan-24 10:04:05 GMT", "2024-01-02T10:04:05Z"),
        ("Tue Jan  2 10:04:05 2024", "2024-01-02T10:04:05Z"),
        ("Tue, 02 Jan 2024 10:04:05 GMT+2", "2024-01-02T08:04:05Z"),
        ("Tue, 02 Jan 2024 10:04:05 CEST", "2024-01-02T08:04:05Z"),
        ("2024-01-02T10:04:05Z", "2024-01-02T10:04:05Z"),
        ("2024-01-02T10:04:05+02:00", "2024-01-02T08:04:05Z"),
        ("2024-01-02T10:04:05-0330", "2024-01-02T13:34:05Z"),
        ("2024-01-02T10:04:05+02", "2024-01-02T08:04:05Z"),
        ("2024-01-02T10:04", "2024-01-02T10:04:00Z"),
        ("2024-01-02 10:04:05", "2024-01-02T10:04:05Z"),
        ("2024-01-02t10:04:05z", "2024-01-02T10:04:05Z"),
        ("2024-01-02", "2024-01-02T00:00:00Z"),
        ("  2024-02-29T23:59:59Z \n", "2024-02-29T23:59:59Z"),
    ]

    @Test(arguments: cases) func parses(_ input: String, _ expected: String) throws {
        let parsed = try #require(FeedDate.parse(input))
        let reference = try #require(ISO8601DateFormatter().date(from: expected))
        #expect(parsed == reference)
    }

    @Test func fractionalSeconds() throws {
        let parsed = try #require(FeedDate.parse("2024-01-02T10:04:05.750Z"))
        #expect(parsed.timeIntervalSince1970 == 1_704_189_845.75)
    }

    @Test(arguments: ["", "yesterday", "2024-13-01", "2023-02-29", "Tue, 32 Jan 2024 10:00:00 GMT", "10:04:05", "Jan 2024"])
    func rejects(_ input: String) {
        #expect(FeedDate.parse(input) == nil)
    }
}
