import Normalize
import Testing
@testable import Pipeline

/// The WARC checkpoint is a low-watermark: it never passes a record still in flight.
@Suite("WARC checkpoint tracker")
struct WARCCheckpointTrackerTests {
    private func at(_ offset: Int64) -> WARCPosition { WARCPosition(offset: offset) }

    @Test func watermarkMovesOnlyOverARunOfCompletedRecords() throws {
        let tracker = WARCCheckpointTracker(start: at(100))
        let a = try #require(tracker.issue(url: "https://x.example/a", through: at(200)))
        let b = try #require(tracker.issue(url: "https://x.example/b", through: at(300)))
        let c = try #require(tracker.issue(url: "https://x.example/c", through: at(400)))
        // The writer finishes the later pages first: the earlier one is still in flight.
        #expect(tracker.complete([c, b]) == nil)
        #expect(tracker.watermark == at(100))
        #expect(tracker.complete([a]) == at(400))
        #expect(tracker.inFlight == 0)
    }

    @Test func skippedRecordsAreCoveredByThePageBeforeThem() throws {
        let tracker = WARCCheckpointTracker(start: .start)
        // Nothing in flight: a skipped record moves the watermark at once.
        tracker.skip(through: at(50))
        #expect(tracker.watermark == at(50))
        let a = try #require(tracker.issue(url: "https://x.example/a", through: at(120)))
        tracker.skip(through: at(180))   // a request record after the page
        tracker.skip(through: at(260))   // a known URL after that
        #expect(tracker.watermark == at(50), "the skipped records wait for the page before them")
        #expect(tracker.complete([a]) == at(260))
    }

    @Test func aURLStillInFlightIsNotIssuedTwice() throws {
        let tracker = WARCCheckpointTracker(start: .start)
        let first = try #require(tracker.issue(url: "https://x.example/a", through: at(10)))
        #expect(tracker.issue(url: "https://x.example/a", through: at(20)) == nil)
        tracker.skip(through: at(20))
        _ = tracker.complete([first])
        #expect(tracker.watermark == at(20))
        // Once committed the URL may come again (the store, not the tracker, knows it then).
        #expect(tracker.issue(url: "https://x.example/a", through: at(30)) != nil)
    }

    @Test func aFailedCommitFreezesTheWatermark() throws {
        let tracker = WARCCheckpointTracker(start: .start)
        let a = try #require(tracker.issue(url: "https://x.example/a", through: at(10)))
        let b = try #require(tracker.issue(url: "https://x.example/b", through: at(20)))
        #expect(tracker.complete([a]) == at(10))
        tracker.fail()
        #expect(tracker.hasFailed)
        #expect(tracker.complete([b]) == nil)
        tracker.skip(through: at(99))
        #expect(tracker.watermark == at(10), "the next start reads again from before the failed record")
    }

    @Test func memoryIsBoundedByWhatIsInFlight() throws {
        let tracker = WARCCheckpointTracker(start: .start)
        var offset: Int64 = 0
        for index in 0..<10_000 {
            offset += 10
            let ordinal = try #require(tracker.issue(url: "https://x.example/\(index)", through: at(offset)))
            _ = tracker.complete([ordinal])
        }
        #expect(tracker.inFlight == 0)
        #expect(tracker.watermark == at(offset))
    }
}
