import Foundation
import Normalize
import Pipeline
import Testing

@Suite struct PollScheduleTests {
    let schedule = PollSchedule(minIntervalMinutes: 5, maxIntervalMinutes: 720)
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    func history(every minutes: Double, items: [Int]) -> [SourcePollState.Poll] {
        items.enumerated().map { SourcePollState.Poll(at: start.addingTimeInterval(Double($0.offset) * minutes * 60), newItems: $0.element) }
    }

    @Test func noInformationUsesTheDefault() {
        #expect(schedule.interval(hints: PollHints(), history: [], now: start) == 3600)
    }

    @Test func syndicationHintWithoutHistory() throws {
        let feed = try FeedFixtures.feed("rss2.xml")
        let hints = PollHints(feed: feed, cacheControl: nil, expires: nil)
        // hourly / 2 = 30 min, and ttl = 30 min.
        #expect(hints.syndicationInterval == 1800)
        #expect(hints.ttl == 1800)
        #expect(schedule.interval(hints: hints, history: [], now: start) == 1800)
    }

    @Test func busySourceIsPolledMoreOften() {
        // 12 new items over an hour of polls → one every 5 minutes.
        let busy = history(every: 15, items: [9, 3, 3, 3, 3])
        #expect(schedule.interval(hints: PollHints(), history: busy, now: start) == 300)
    }

    @Test func quietSourceBacksOff() {
        let quiet = history(every: 60, items: [4, 0, 0, 0])
        // Nothing new in 3 hours: back off to twice that.
        #expect(schedule.interval(hints: PollHints(), history: quiet, now: start) == 6 * 3600)
        let dead = history(every: 600, items: [1, 0, 0, 0])
        #expect(schedule.interval(hints: PollHints(), history: dead, now: start) == 720 * 60)
    }

    @Test func cachingHintsAreAFloor() {
        let busy = history(every: 15, items: [9, 3, 3, 3, 3])
        let ttl = PollHints(ttl: 3600)
        #expect(schedule.interval(hints: ttl, history: busy, now: start) == 3600)
        let maxAge = PollHints(feed: nil, cacheControl: "public, max-age=1200", expires: "Thu, 01 Jan 2099 00:00:00 GMT")
        #expect(maxAge.maxAge == 1200)
        #expect(maxAge.expires == nil)  // max-age wins over Expires
        #expect(schedule.interval(hints: maxAge, history: busy, now: start) == 1200)
        let expires = PollHints(feed: nil, cacheControl: "no-cache", expires: "Tue, 14 Nov 2023 23:13:20 GMT")
        #expect(expires.maxAge == nil)
        // Expires one hour after `start`.
        #expect(schedule.interval(hints: expires, history: busy, now: start) == 3600)
    }

    @Test func clampedToConfiguredBounds() {
        let tight = PollSchedule(minIntervalMinutes: 10, maxIntervalMinutes: 60)
        let busy = history(every: 15, items: [9, 3, 3, 3, 3])
        #expect(tight.interval(hints: PollHints(), history: busy, now: start) == 600)
        #expect(tight.interval(hints: PollHints(ttl: 86_400), history: busy, now: start) == 3600)
    }

    @Test func recordKeepsBoundedHistoryAndSetsNextPoll() {
        var state = SourcePollState()
        #expect(state.isDue(at: start))
        var now = start
        for _ in 0..<30 {
            schedule.record(PollObservation(at: now, status: 200, newItems: 1, contentHash: UInt64(now.timeIntervalSince1970)), hints: PollHints(), into: &state)
            now = now.addingTimeInterval(600)
        }
        #expect(state.history.count == PollSchedule.historyLength)
        let next = try! #require(state.nextPollAt)
        #expect(next == now.addingTimeInterval(-600 + 600))
        #expect(!state.isDue(at: next.addingTimeInterval(-1)))
        #expect(state.isDue(at: next))
    }

    @Test func stateRoundTripsThroughJSON() throws {
        var state = SourcePollState()
        schedule.record(PollObservation(at: start, status: 200, newItems: 3, etag: "\"a\"", contentHash: 42), hints: PollHints(), into: &state)
        let decoded = try JSONDecoder().decode(SourcePollState.self, from: JSONEncoder().encode(state))
        #expect(decoded == state)
    }
}

@Suite struct ValidatorLieDetectorTests {
    let schedule = PollSchedule(minIntervalMinutes: 5, maxIntervalMinutes: 720)
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func newETagEveryTimeForTheSameContent() {
        var state = SourcePollState()
        for poll in 0..<4 {
            let observation = PollObservation(
                at: start.addingTimeInterval(Double(poll) * 600), status: 200, newItems: poll == 0 ? 5 : 0,
                etag: "\"server-\(poll)\"", contentHash: 0xFEED)
            schedule.record(observation, hints: PollHints(), into: &state)
            #expect(state.trustsValidators == (poll < PollSchedule.churnLimit))
        }
    }

    @Test func changingContentWithChangingETagIsHonest() {
        var state = SourcePollState()
        for poll in 0..<10 {
            let observation = PollObservation(
                at: start.addingTimeInterval(Double(poll) * 600), status: 200, newItems: 1, etag: "\"v\(poll)\"",
                contentHash: UInt64(poll))
            schedule.record(observation, hints: PollHints(), into: &state)
        }
        #expect(state.trustsValidators)
        #expect(state.validatorChurn == 0)
    }

    @Test func sameETagButNewContent() {
        var state = SourcePollState()
        schedule.record(PollObservation(at: start, status: 200, newItems: 5, etag: "\"fixed\"", contentHash: 1), hints: PollHints(), into: &state)
        schedule.record(PollObservation(at: start.addingTimeInterval(600), status: 200, newItems: 2, etag: "\"fixed\"", contentHash: 2), hints: PollHints(), into: &state)
        #expect(state.trustsValidators)
        schedule.record(PollObservation(at: start.addingTimeInterval(1200), status: 200, newItems: 1, etag: "\"fixed\"", contentHash: 3), hints: PollHints(), into: &state)
        #expect(!state.trustsValidators)
    }

    @Test func notModifiedWhileNewItemsAppearElsewhere() {
        var state = SourcePollState()
        schedule.record(PollObservation(at: start, status: 200, newItems: 5, etag: "\"e\"", contentHash: 1), hints: PollHints(), into: &state)
        schedule.record(PollObservation(at: start.addingTimeInterval(600), status: 304, newItems: 0, etag: "\"e\""), hints: PollHints(), into: &state)
        #expect(state.trustsValidators)
        for poll in 2..<4 {
            schedule.record(
                PollObservation(at: start.addingTimeInterval(Double(poll) * 600), status: 304, newItems: 0, etag: "\"e\"", newItemsObservedElsewhere: true),
                hints: PollHints(), into: &state)
        }
        #expect(!state.trustsValidators)
    }

    @Test func entrySetHashIgnoresOrder() {
        let a = FeedEntry(link: URL(string: "https://x.example/a"), guid: "1")
        let b = FeedEntry(link: URL(string: "https://x.example/b"), guid: "2")
        #expect(EntrySetHash.of([a, b]) == EntrySetHash.of([b, a]))
        #expect(EntrySetHash.of([a, b]) != EntrySetHash.of([a]))
    }
}
