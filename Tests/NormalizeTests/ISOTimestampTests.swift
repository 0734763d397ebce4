import Foundation
import Testing
@testable import Normalize

@Suite("ISO 8601 timestamps of records")
struct ISOTimestampTests {
    @Test func wholeSecondsAndTheStatedZoneRoundTrip() throws {
        let parsed = try #require(ISOTimestamp.parse("2019-11-08T21:11:00-05:00"))
        #expect(parsed.offset == -5 * 3600)
        #expect(ISOTimestamp.string(parsed.date, offset: parsed.offset) == "2019-11-08T21:11:00-05:00")
        #expect(ISOTimestamp.parse("2026-11-20T10:00:00Z")?.offset == nil)
    }

    /// A record written by another tool (or a future version) may carry fractions of a second;
    /// they are read, not rejected as "not an ISO 8601 timestamp".
    @Test func fractionsOfASecondAreAccepted() throws {
        let utc = try #require(ISOTimestamp.parse("2026-11-20T10:00:00.250Z"))
        #expect(abs(utc.date.timeIntervalSince1970 - 1_795_168_800.25) < 0.001)
        let zoned = try #require(ISOTimestamp.parse("2019-11-08T21:11:00.5+01:00"))
        #expect(zoned.offset == 3600)
    }

    @Test func textThatIsNoTimestampGivesNil() {
        #expect(ISOTimestamp.parse("20 November 2026") == nil)
        #expect(ISOTimestamp.parse("") == nil)
    }
}
