import Foundation
@testable import Pipeline
import Testing

/// One contract for every ``StateStore`` backend: each test runs against SQLite and against
/// PostgreSQL (a database of the test cluster) and expects the same answers.
@Suite("State store contract", .timeLimit(.minutes(2)))
struct StateStoreContractTests {
    @Test(arguments: StoreBackend.all)
    func sourcesAreSavedReplacedAndListedByName(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        defer { fixture.remove() }
        let store = fixture.store
        #expect(try store.source(named: "wire") == nil)
        var wire = SourceRecord(name: "wire", url: "https://wire.example/rss")
        wire.etag = "\"v1\""
        wire.lastModified = "Mon, 20 Nov 2026 10:00:00 GMT"
        wire.contentHash = "abc"
        wire.scheduleJSON = "{\"interval\":300}"
        wire.nextPollAt = StoreSamples.now.addingTimeInterval(300.25)
        wire.lastPollAt = StoreSamples.now
        wire.lastSuccessAt = StoreSamples.now.addingTimeInterval(-0.5)
        wire.consecutiveFailures = 2
        wire.lastError = "timeout"
        wire.polls = 7
        wire.notModified = 3
        try store.saveSource(wire)
        try store.saveSource(SourceRecord(name: "agency", url: "https://agency.example/feed"))
        #expect(try store.source(named: "wire") == wire)
        wire.etag = nil
        wire.polls = 8
        try store.saveSource(wire)
        #expect(try store.source(named: "wire") == wire)
        #expect(try store.allSources().map(\.name) == ["agency", "wire"])
    }

    @Test(arguments: StoreBackend.all)
    func knownURLsComeFromFinishedCommits(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        defer { fixture.remove() }
        let store = fixture.store
        let record = StoreSamples.record("a1")
        #expect(try store.knownURL(record.canonicalURL) == nil)
        let entry = try #require(try StoreSamples.commit(store, [record]).first)
        let known = try #require(try store.knownURL(record.canonicalURL))
        #expect(known == KnownURL(canonicalURL: record.canonicalURL, id: "a1", source: "news", contentHash: "hash-a1-1",
                                  revision: 1, lastFile: "2026-11-20/\(try #require(entry.file))",
                                  entryUpdatedAt: record.entryUpdatedAt, signature: record.signature))
        let batch = try store.knownURLs([record.canonicalURL, "https://news.example/never"])
        #expect(batch == [record.canonicalURL: known])
        #expect(try store.knownURLs([]).isEmpty)

        // A revision replaces the URL's latest version; a dropped duplicate keeps the last file.
        try StoreSamples.commit(store, [StoreSamples.record("a1", revision: 2, body: nil, duplicateOf: "x")])
        let revised = try #require(try store.knownURL(record.canonicalURL))
        #expect(revised.revision == 2 && revised.contentHash == "hash-a1-2" && revised.lastFile == known.lastFile)
    }

    @Test(arguments: StoreBackend.all)
    func markUnchangedMovesTheEntryDateAndLeavesTheQueue(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        defer { fixture.remove() }
        let store = fixture.store
        let record = StoreSamples.record("b1")
        try StoreSamples.commit(store, [record])
        try store.enqueue([StoreSamples.queued("b1")])
        let later = StoreSamples.now.addingTimeInterval(3_600)
        try store.markUnchanged(record.canonicalURL, entryUpdatedAt: later, at: later)
        #expect(try store.knownURL(record.canonicalURL)?.entryUpdatedAt == later)
        #expect(try store.queueCount() == 0)
        // No entry date given: the stored one stays.
        try store.markUnchanged(record.canonicalURL, entryUpdatedAt: nil, at: later.addingTimeInterval(60))
        #expect(try store.knownURL(record.canonicalURL)?.entryUpdatedAt == later)
    }

    @Test(arguments: StoreBackend.all)
    func queueHandsOutDueEntriesRoundRobinOverSources(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        defer { fixture.remove() }
        let store = fixture.store
        let now = StoreSamples.now
        try store.enqueue([StoreSamples.queued("a1", source: "alpha", due: now.addingTimeInterval(-30)),
                           StoreSamples.queued("a2", source: "alpha", due: now.addingTimeInterval(-20)),
                           StoreSamples.queued("a3", source: "alpha", due: now.addingTimeInterval(-10)),
                           StoreSamples.queued("b1", source: "beta", due: now.addingTimeInterval(-5)),
                           StoreSamples.queued("later", source: "beta", due: now.addingTimeInterval(600))])
        // Already queued: the first entry stays as it was.
        var again = StoreSamples.queued("a1", source: "alpha", due: now.addingTimeInterval(900))
        again.entryJSON = "{}"
        try store.enqueue([again])
        #expect(try store.queueCount() == 5)
        let due = try store.dueQueue(source: nil, now: now, limit: 10)
        #expect(due.map { $0.canonicalURL.components(separatedBy: "/").last ?? "" } == ["a1", "b1", "a2", "a3"])
        #expect(due.first == StoreSamples.queued("a1", source: "alpha", due: now.addingTimeInterval(-30)))
        #expect(try store.dueQueue(source: nil, now: now, limit: 2).count == 2)
        #expect(try store.dueQueue(source: "beta", now: now, limit: 10).map(\.source) == ["beta"])

        try store.deferQueued("https://alpha.example/a1", error: "HTTP 503", nextAttempt: now.addingTimeInterval(120))
        let deferred = try #require(try store.dueQueue(source: "alpha", now: now.addingTimeInterval(120), limit: 10).first)
        #expect(deferred.attempts == 1 && deferred.lastError == "HTTP 503")
        #expect(try store.dueQueue(source: "alpha", now: now, limit: 10).map(\.canonicalURL) == ["https://alpha.example/a2", "https://alpha.example/a3"])

        try store.dequeue(["https://alpha.example/a2", "https://alpha.example/never"])
        try store.dequeue([])
        #expect(try store.queueCount() == 4)
    }

    @Test(arguments: StoreBackend.all)
    func stillDueNamesOnlyURLsLeftDueInTheQueue(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        defer { fixture.remove() }
        let store = fixture.store
        let now = StoreSamples.now
        try store.enqueue([StoreSamples.queued("recorded"), StoreSamples.queued("stuck"),
                           StoreSamples.queued("later", due: now.addingTimeInterval(600))])
        try store.dequeue(["https://news.example/recorded"])
        let asked = ["recorded", "stuck", "later", "never-queued"].map { "https://news.example/\($0)" }
        #expect(try store.stillDue(asked, now: now) == ["https://news.example/stuck"])
        #expect(try store.stillDue([], now: now).isEmpty)
        // More URLs than one SQLite statement may bind.
        let many = (0..<1_200).map { StoreSamples.queued("bulk-\($0)") }
        try store.enqueue(many)
        #expect(try store.stillDue(many.map(\.canonicalURL), now: now).count == 1_200)
    }
}
