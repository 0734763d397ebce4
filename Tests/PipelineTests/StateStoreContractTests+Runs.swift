import Foundation
@testable import Pipeline
import Testing

/// Runs, reporting and backfill checkpoints, on every backend.
extension StateStoreContractTests {
    @Test(arguments: StoreBackend.all)
    func runsAreListedNewestFirstWithTheirSummaries(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        defer { fixture.remove() }
        let store = fixture.store
        let first = try store.beginRun(kind: "run", pid: 4242, at: StoreSamples.now)
        let second = try store.beginRun(kind: "backfill", pid: 4243, at: StoreSamples.now.addingTimeInterval(10))
        #expect(second > first)
        try store.finishRun(id: first, outcome: "ok", summaryJSON: #"{"sources":{"wire":{"withoutText":{"paywall":2,"empty":1}}}}"#,
                            at: StoreSamples.now.addingTimeInterval(5))
        let runs = try store.recentRuns(limit: 10)
        #expect(runs.map(\.id) == [second, first])
        #expect(runs[0].kind == "backfill" && runs[0].finishedAt == nil && runs[0].outcome == nil)
        #expect(runs[1].startedAt == StoreSamples.now && runs[1].finishedAt == StoreSamples.now.addingTimeInterval(5))
        #expect(runs[1].outcome == "ok" && runs[1].withoutText == ["wire": ["paywall": 2, "empty": 1]])
        #expect(try store.recentRuns(limit: 1).map(\.id) == [second])
    }

    @Test(arguments: StoreBackend.all)
    func recordsPerDayCountsRecentDaysPerSource(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        defer { fixture.remove() }
        let store = fixture.store
        let today = ManifestDates.day(Date())
        try StoreSamples.commit(store, [StoreSamples.record("a", source: "alpha"), StoreSamples.record("b", source: "alpha"),
                                        StoreSamples.record("c", source: "beta")], day: today)
        try StoreSamples.commit(store, [StoreSamples.record("old", source: "alpha")], day: "2001-01-01")
        #expect(try store.recordsPerDay(days: 7) == [DailyCount(day: today, source: "alpha", records: 2),
                                                     DailyCount(day: today, source: "beta", records: 1)])
    }

    @Test(arguments: StoreBackend.all)
    func backfillItemsAndCheckpointsPersist(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        defer { fixture.remove() }
        let store = fixture.store
        #expect(try store.isBackfillItemDone(job: "cc", item: "file-1") == false)
        try store.markBackfillItemsDone(job: "cc", items: ["file-1", "file-2", "file-1"])
        try store.markBackfillItemsDone(job: "cc", items: ["file-2"])
        try store.markBackfillItemsDone(job: "other", items: ["file-1"])
        try store.markBackfillItemsDone(job: "cc", items: [])
        #expect(try store.isBackfillItemDone(job: "cc", item: "file-1"))
        #expect(try store.backfillProgress(job: "cc") == 2)

        #expect(try store.checkpoint(job: "warc") == nil)
        try store.saveCheckpoint(job: "warc", position: "offset:100", done: false, at: StoreSamples.now)
        #expect(try store.checkpoint(job: "warc")?.position == "offset:100")
        try store.saveCheckpoint(job: "warc", position: "offset:900", done: true, at: StoreSamples.now)
        let saved = try #require(try store.checkpoint(job: "warc"))
        #expect(saved.position == "offset:900" && saved.done)
    }
}
