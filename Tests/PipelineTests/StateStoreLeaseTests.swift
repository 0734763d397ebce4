import Foundation
import GRDB
@testable import Pipeline
import Testing

/// The lease contract: how workers sharing one state split sources, hosts and queued URLs.
/// Written against `any StateStore` so every backend runs the same checks.
enum LeaseContract {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func queued(_ host: String, _ path: String, source: String = "news", due: Date = t0) -> QueuedURL {
        let url = "https://\(host)/\(path)"
        return QueuedURL(canonicalURL: url, url: url, source: source, entryJSON: "{}", nextAttemptAt: due)
    }

    static func sourcesAreSharedAndAHeldHostBlocksItsSources(_ store: any StateStore) throws {
        let until = t0.addingTimeInterval(60)
        let claims = [SourceClaim(name: "a", url: "https://one.example/feed"),
                      SourceClaim(name: "b", url: "https://two.example/feed"),
                      SourceClaim(name: "c", url: "https://one.example/other-feed")]
        // A share of two: the first two claimable sources.
        let first = try store.claimSources(claims, worker: "w1", dueBy: t0, limit: 2, now: t0, until: until)
        #expect(first.sources == ["a", "b"])
        #expect(Set(first.hosts.map(\.host)) == ["one.example", "two.example"])
        #expect(first.hosts.allSatisfy { $0.notBefore == nil })
        // w2 gets neither a leased source nor a source on a host w1 holds.
        let second = try store.claimSources(claims, worker: "w2", dueBy: t0, limit: 3, now: t0, until: until)
        #expect(second.sources.isEmpty)
        // w1 holds one.example already: c is its too, with no new host (and its own leases renew).
        let third = try store.claimSources(claims, worker: "w1", dueBy: t0, limit: 3, now: t0, until: until)
        #expect(third.sources == ["a", "b", "c"])
        #expect(third.hosts.isEmpty)
        // Once the lease runs out (no heartbeat), another worker takes over.
        let later = until.addingTimeInterval(1)
        let takeover = try store.claimSources(claims, worker: "w2", dueBy: later, limit: 3, now: later, until: later.addingTimeInterval(60))
        #expect(takeover.sources == ["a", "b", "c"])
    }

    static func aSourcePolledByAnotherWorkerIsNoLongerDue(_ store: any StateStore) throws {
        var polled = SourceRecord(name: "a", url: "https://one.example/feed")
        polled.nextPollAt = t0.addingTimeInterval(600)
        try store.saveSource(polled)
        let claim = [SourceClaim(name: "a", url: "https://one.example/feed")]
        #expect(try store.claimSources(claim, worker: "w1", dueBy: t0, limit: 1, now: t0, until: t0.addingTimeInterval(60)).sources.isEmpty)
        // Without the due check (`run --all`), it is taken.
        #expect(try store.claimSources(claim, worker: "w1", dueBy: nil, limit: 1, now: t0, until: t0.addingTimeInterval(60)).sources == ["a"])
        // A source whose configured URL changed is due whatever its schedule said.
        try store.releaseSources(["a"], worker: "w1")
        try store.releaseHosts([HostUse(host: "one.example", lastRequestAt: nil, delay: 0)], worker: "w1")
        let moved = [SourceClaim(name: "a", url: "https://one.example/new-feed")]
        #expect(try store.claimSources(moved, worker: "w2", dueBy: t0, limit: 1, now: t0, until: t0.addingTimeInterval(60)).sources == ["a"])
    }

    static func queueIsSplitByHostAndEachURLGoesToOneWorker(_ store: any StateStore) throws {
        let hosts = ["h1.example", "h2.example", "h3.example", "h4.example"]
        try store.enqueue(hosts.flatMap { host in (0..<3).map { queued(host, "story-\($0)") } })
        try store.enqueue([queued("h1.example", "tomorrow", due: t0.addingTimeInterval(86_400)),
                           queued("h5.example", "other-source", source: "off")])
        let until = t0.addingTimeInterval(60)
        let w1 = try store.claimQueue(worker: "w1", sources: ["news"], now: t0, until: until, share: 2, limit: 100)
        let w2 = try store.claimQueue(worker: "w2", sources: ["news"], now: t0, until: until, share: 2, limit: 100)
        let w3 = try store.claimQueue(worker: "w3", sources: ["news"], now: t0, until: until, share: 2, limit: 100)
        // Each takes up to its share of all 4 hosts with due work (2 with a share of 2): the
        // third finds none free.
        #expect(w1.hosts.count == 2 && w2.hosts.count == 2 && w3.hosts.isEmpty)
        #expect(w1.items.count == 6 && w2.items.count == 6 && w3.items.isEmpty)
        let all = (w1.items + w2.items + w3.items).map(\.canonicalURL)
        #expect(all.count == 12 && Set(all).count == 12)  // every due URL once; not tomorrow's, not the other source's
        let byWorker = [w1, w2, w3].map { Set($0.items.map { LeaseHost.of($0.url) }) }
        #expect(byWorker[0].isDisjoint(with: byWorker[1]) && byWorker[1].isDisjoint(with: byWorker[2]) && byWorker[0].isDisjoint(with: byWorker[2]))
        #expect(try store.claimQueue(worker: "w4", sources: ["news"], now: t0, until: until, share: 1, limit: 100).items.isEmpty)
        // Round-robin over sources, oldest first: the same claim again returns the held hosts' entries.
        let again = try store.claimQueue(worker: "w1", sources: ["news"], now: t0, until: until, share: 2, limit: 100)
        #expect(Set(again.items.map(\.canonicalURL)) == Set(w1.items.map(\.canonicalURL)))
        #expect(again.hosts.isEmpty)
        #expect(try store.claimQueue(worker: "w1", sources: ["news"], now: t0, until: until, share: 1, limit: 2).items.count == 2)
    }

    static func aHostHandedOverCarriesItsSpacing(_ store: any StateStore) throws {
        try store.enqueue([queued("polite.example", "one"), queued("polite.example", "two")])
        let until = t0.addingTimeInterval(60)
        _ = try store.claimQueue(worker: "w1", sources: ["news"], now: t0, until: until, share: 1, limit: 10)
        let lastRequest = t0.addingTimeInterval(5)
        try store.releaseHosts([HostUse(host: "polite.example", lastRequestAt: lastRequest, delay: 2)], worker: "w1")
        let next = try store.claimQueue(worker: "w2", sources: ["news"], now: t0.addingTimeInterval(6), until: until, share: 1, limit: 10)
        #expect(next.hosts == [HostHandover(host: "polite.example", notBefore: lastRequest.addingTimeInterval(2))])
        // w2 vanishes without giving it back: w3 waits for the lease's end plus the delay.
        let afterExpiry = until.addingTimeInterval(1)
        let third = try store.claimQueue(worker: "w3", sources: ["news"], now: afterExpiry, until: afterExpiry.addingTimeInterval(60), share: 1, limit: 10)
        #expect(third.hosts == [HostHandover(host: "polite.example", notBefore: until.addingTimeInterval(2))])
    }

    static func heartbeatKeepsLeasesAndARestartedWorkerGivesUpItsOld(_ store: any StateStore) throws {
        try store.enqueue([queued("kept.example", "one")])
        try store.heartbeat(worker: "w1", pid: 100, now: t0, until: t0.addingTimeInterval(60))
        _ = try store.claimQueue(worker: "w1", sources: ["news"], now: t0, until: t0.addingTimeInterval(60), share: 1, limit: 10)
        // Renewed before it ran out: still w1's after the first end.
        try store.heartbeat(worker: "w1", pid: 100, now: t0.addingTimeInterval(50), until: t0.addingTimeInterval(110))
        let probe = t0.addingTimeInterval(90)
        #expect(try store.claimQueue(worker: "w2", sources: ["news"], now: probe, until: probe.addingTimeInterval(60), share: 1, limit: 10).items.isEmpty)
        let workers = try store.workers(now: probe)
        #expect(workers.map(\.name) == ["w1"])
        #expect(workers.first?.hostLeases == 1)
        // w1 comes back as another process: the dead process's host is free, marked used now.
        let restart = t0.addingTimeInterval(95)
        try store.heartbeat(worker: "w1", pid: 200, now: restart, until: restart.addingTimeInterval(60))
        let taken = try store.claimQueue(worker: "w2", sources: ["news"], now: restart, until: restart.addingTimeInterval(60), share: 1, limit: 10)
        #expect(taken.items.count == 1)
        #expect(taken.hosts == [HostHandover(host: "kept.example", notBefore: restart)])
    }

    static func backfillFilesGoToOneWorkerUntilReleasedOrExpired(_ store: any StateStore) throws {
        let until = t0.addingTimeInterval(60)
        #expect(try store.claimBackfillItem(job: "j", item: "a.warc.gz", worker: "w1", now: t0, until: until))
        #expect(try !store.claimBackfillItem(job: "j", item: "a.warc.gz", worker: "w2", now: t0, until: until))
        #expect(try store.claimBackfillItem(job: "j", item: "a.warc.gz", worker: "w1", now: t0, until: until))  // renewal
        #expect(try store.claimBackfillItem(job: "other-job", item: "a.warc.gz", worker: "w2", now: t0, until: until))
        try store.releaseBackfillItem(job: "j", item: "a.warc.gz", worker: "w2")  // not w2's: no effect
        #expect(try !store.claimBackfillItem(job: "j", item: "a.warc.gz", worker: "w2", now: t0, until: until))
        try store.releaseBackfillItem(job: "j", item: "a.warc.gz", worker: "w1")
        #expect(try store.claimBackfillItem(job: "j", item: "a.warc.gz", worker: "w2", now: t0, until: until))
        // w2 dies: after its lease, w3 resumes the file.
        #expect(try !store.claimBackfillItem(job: "j", item: "a.warc.gz", worker: "w3", now: until.addingTimeInterval(-1), until: until))
        #expect(try store.claimBackfillItem(job: "j", item: "a.warc.gz", worker: "w3", now: until, until: until.addingTimeInterval(60)))
    }

    static func aURLAnotherWriterJournalledOrCommittedIsRefused(_ store: any StateStore) throws {
        let url = "https://wire.example/story"
        let first = try store.beginCommits([makeRecord(id: "a1", url: url, body: "text one")], day: "2027-01-15", at: t0)
        #expect(first.count == 1)
        // A second writer while the first is journalled: no entry.
        let second = try store.beginCommits([makeRecord(id: "a1", url: url, body: "text one"),
                                             makeRecord(id: "b2", url: "https://wire.example/other", body: "other")],
                                            day: "2027-01-15", at: t0)
        #expect(second.map(\.id) == ["b2"])
        try store.finishCommits(first + second, at: t0)
        // Committed at revision 1: revision 1 again is refused, revision 2 is accepted.
        #expect(try store.beginCommits([makeRecord(id: "a1", url: url, body: "text one")], day: "2027-01-15", at: t0).isEmpty)
        let revision = try store.beginCommits([makeRecord(id: "a1", url: url, body: "text two", revision: 2)], day: "2027-01-15", at: t0)
        #expect(revision.count == 1)
    }
}

/// The lease contract on every backend.
@Suite("State store leases", .timeLimit(.minutes(2)))
struct StateStoreLeaseContractTests {
    private func withStore(_ backend: StoreBackend, _ body: (any StateStore) throws -> Void) throws {
        let fixture = try StoreFixture(backend)
        defer { fixture.remove() }
        try body(fixture.store)
    }

    @Test(arguments: StoreBackend.all) func sourcesAreSharedAndAHeldHostBlocksItsSources(_ b: StoreBackend) throws { try withStore(b, LeaseContract.sourcesAreSharedAndAHeldHostBlocksItsSources) }
    @Test(arguments: StoreBackend.all) func aSourcePolledByAnotherWorkerIsNoLongerDue(_ b: StoreBackend) throws { try withStore(b, LeaseContract.aSourcePolledByAnotherWorkerIsNoLongerDue) }
    @Test(arguments: StoreBackend.all) func queueIsSplitByHostAndEachURLGoesToOneWorker(_ b: StoreBackend) throws { try withStore(b, LeaseContract.queueIsSplitByHostAndEachURLGoesToOneWorker) }
    @Test(arguments: StoreBackend.all) func aHostHandedOverCarriesItsSpacing(_ b: StoreBackend) throws { try withStore(b, LeaseContract.aHostHandedOverCarriesItsSpacing) }
    @Test(arguments: StoreBackend.all) func heartbeatKeepsLeasesAndARestartedWorkerGivesUpItsOld(_ b: StoreBackend) throws { try withStore(b, LeaseContract.heartbeatKeepsLeasesAndARestartedWorkerGivesUpItsOld) }
    @Test(arguments: StoreBackend.all) func backfillFilesGoToOneWorkerUntilReleasedOrExpired(_ b: StoreBackend) throws { try withStore(b, LeaseContract.backfillFilesGoToOneWorkerUntilReleasedOrExpired) }
    @Test(arguments: StoreBackend.all) func aURLAnotherWriterJournalledOrCommittedIsRefused(_ b: StoreBackend) throws { try withStore(b, LeaseContract.aURLAnotherWriterJournalledOrCommittedIsRefused) }
}

@Suite("State store leases (SQLite)")
struct StateStoreLeaseTests {
    @Test func exclusivelyHoldsTheCommitLockOfTheStateFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("state.sqlite")
        let store = try SQLiteStateStore(path: path)
        let other = try FileLock(path: path + ".commit.lock")  // another process's view
        let heldInside = try store.exclusively { release in
            let held = try !other.tryLock()
            release()  // ended early: another process may take it at once
            let free = try other.tryLock()
            other.unlock()
            return held && free
        }
        #expect(heldInside)
        #expect(try other.tryLock())  // released after
        other.unlock()
    }

    @Test func queueRowsOfAnOlderStateGetTheirHost() throws {
        // The migration fills the host of entries queued before leases existed.
        let folder = try TemporaryFolder()
        let path = folder.file("state.sqlite")
        let store = try SQLiteStateStore(path: path)
        try store.enqueue([LeaseContract.queued("Old.Example:8443", "story")])
        try store.database.write { db in try db.execute(sql: "UPDATE url_queue SET host = ''") }
        try store.database.write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'state-v4-leases'")
            for table in ["workers", "source_leases", "host_leases", "backfill_leases"] { try db.execute(sql: "DROP TABLE \(table)") }
            try db.execute(sql: "DROP INDEX url_queue_by_host")
            try db.execute(sql: "DROP INDEX pending_records_by_url")
            try db.execute(sql: "ALTER TABLE url_queue DROP COLUMN host")
            try db.execute(sql: "ALTER TABLE records DROP COLUMN worker")
        }
        let reopened = try SQLiteStateStore(path: path)
        let host = try reopened.database.read { db in try String.fetchOne(db, sql: "SELECT host FROM url_queue") }
        #expect(host == "old.example:8443")
    }

    @Test func urlIndexesThatNoQueryReadsAreDropped() throws {
        // Each new URL paid a random insert into both; a store made before they went loses them.
        let folder = try TemporaryFolder()
        let path = folder.file("state.sqlite")
        let store = try SQLiteStateStore(path: path)
        #expect(try Self.urlIndexes(store).isEmpty)
        try store.database.write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'state-v5-drop-unused-url-indexes'")
            try db.execute(sql: "CREATE INDEX urls_by_id ON urls(id)")
            try db.execute(sql: "CREATE INDEX urls_by_hash ON urls(content_hash)")
        }
        #expect(try Self.urlIndexes(store) == ["urls_by_hash", "urls_by_id"])
        #expect(try Self.urlIndexes(SQLiteStateStore(path: path)).isEmpty)
    }

    @Test func theLatestRevisionFilterLooksRevisionsUpByID() throws {
        // Without an index on (id, revision) the filter's subquery scans the whole log for
        // every record it returns.
        let folder = try TemporaryFolder()
        let store = try SQLiteStateStore(path: folder.file("state.sqlite"))
        let query = SQLiteStateStore.recordLogQuery(after: 0, through: 100, filter: RecordLogFilter(latestRevisionOnly: true), limit: 10)
        let plan = try store.database.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + query.sql, arguments: query.arguments).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("records_by_id_revision") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN n") }, "\(plan)")
    }

    /// Indexes on `urls` other than its primary key's.
    static func urlIndexes(_ store: SQLiteStateStore) throws -> [String] {
        try store.database.read { db in
            try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'urls'
                AND name NOT LIKE 'sqlite_autoindex_%' ORDER BY name
                """)
        }
    }
}
