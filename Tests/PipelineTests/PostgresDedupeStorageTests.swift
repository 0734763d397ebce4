import Dispatch
import Foundation
import PipelineBenchmarks
import Testing
@testable import Pipeline
import PostgresTestSupport

/// The PostgreSQL index's tables: expiry, replaced ids, the parameters signature, corrupt
/// rows, migrations run by workers starting together, and the pipeline's gate over it.
@Suite("PostgresDedupe tables", .enabled(if: !PostgresTestCluster.skipRequested), .timeLimit(.minutes(2)))
struct PostgresDedupeStorageTests {
    private let start = DedupeFixtures.start
    private static let orphans = """
        SELECT count(*) FROM dedupe_sample WHERE doc <> 0 AND doc NOT IN (SELECT ordinal FROM dedupe_doc)
        """

    @Test func expiryDeletesRowsAndPostingsInChunks() throws {
        try withPostgresDedupeDatabase(label: "dedupe_expiry") { database throws in
            let day = DedupeFixtures.day
            let engine = try database.engine(configuration: DedupeConfig(windowDays: 7))
            var corpus = SyntheticCorpus(seed: 11)
            corpus.reprintShare = 0
            // More old texts than one expiry transaction deletes.
            let old = PostgresDedupeIndex.expiryChunk + 40
            for _ in 0..<old {
                let document = corpus.next()
                try engine.insert(id: document.id, text: document.text, at: start)
            }
            let kept = corpus.next()
            try engine.insert(id: "kept", text: kept.text, at: start.addingTimeInterval(2 * day))
            #expect(try database.integer("SELECT count(*) FROM dedupe_sample") > old)
            #expect(try engine.expire(before: start.addingTimeInterval(day)) == old)
            #expect(try database.integer("SELECT count(*) FROM dedupe_doc") == 1)
            #expect(try database.integer("SELECT count(*) FROM dedupe_sample WHERE doc <> 0") > 0)
            #expect(try database.integer(Self.orphans) == 0)
            #expect(engine.check(id: "again", text: kept.text, at: start.addingTimeInterval(2 * day)).duplicateOf == "kept")
            // Texts past the window are dropped when an engine opens the index too.
            let later = try database.engine(configuration: DedupeConfig(windowDays: 7), now: start.addingTimeInterval(10 * day))
            #expect(later.indexSize == 0)
            #expect(try database.integer("SELECT count(*) FROM dedupe_sample WHERE doc <> 0") == 0)
        }
    }

    /// A member whose group's first text expires leads its own group from then on.
    @Test func expiryPromotesTheMembersOfAnExpiredText() throws {
        try withPostgresDedupeDatabase(label: "dedupe_members") { database throws in
            let original = try DedupeFixtures.report("report-1-harbour-gazette")
            let head = DedupeFixtures.trimmedReprint(original, share: 0.4)
            let tail = DedupeFixtures.paragraphs(original).suffix(4).joined(separator: "\n")
            let engine = try database.engine(configuration: DedupeConfig(windowDays: 30))
            #expect(try engine.checkAndInsert(id: "head", text: head, at: start) == .unique)
            #expect(try engine.checkAndInsert(id: "full", text: original, at: start.addingTimeInterval(60))
                    .duplicateOf == "head")
            #expect(engine.check(id: "tail", text: tail, at: start).duplicateOf == "head")
            #expect(try engine.expire(before: start.addingTimeInterval(30)) == 1)
            #expect(try database.integer("SELECT count(*) FROM dedupe_doc WHERE root IS NOT NULL") == 0)
            #expect(engine.check(id: "tail", text: tail, at: start).duplicateOf == "full")
        }
    }

    /// A replaced text is out of every window at once, and leaves the tables at the next expiry.
    @Test func replacingAnIDRetiresItsOldTextUntilExpiry() throws {
        try withPostgresDedupeDatabase(label: "dedupe_replace") { database throws in
            let engine = try database.engine()
            let reports = try DedupeFixtures.reports()
            try engine.insert(id: "story", text: reports[0], at: start)
            try engine.insert(id: "story", text: reports[1], at: start)
            #expect(engine.indexSize == 1)
            #expect(try database.integer("SELECT count(*) FROM dedupe_doc") == 2)
            #expect(engine.check(id: "x", text: reports[0], at: start) == .unique)
            #expect(engine.check(id: "x", text: reports[1], at: start).duplicateOf == "story")
            #expect(try engine.expire(before: start.addingTimeInterval(-DedupeFixtures.day)) == 0)
            #expect(try database.integer("SELECT count(*) FROM dedupe_doc") == 1)
            #expect(try database.integer(Self.orphans) == 0)
            #expect(engine.check(id: "x", text: reports[1], at: start).duplicateOf == "story")
        }
    }

    @Test func anIndexBuiltWithOtherParametersIsRefused() throws {
        try withPostgresDedupeDatabase(label: "dedupe_params") { database throws in
            let engine = try database.engine()
            try engine.insert(id: "a", text: try DedupeFixtures.report("report-1-harbour-gazette"), at: start)
            var other = DedupeParameters()
            other.shingleWords = 5
            #expect(throws: DedupeError.self) { _ = try database.engine(parameters: other) }
            _ = try database.engine()
        }
    }

    @Test func corruptSamplesAreATypedError() throws {
        try withPostgresDedupeDatabase(label: "dedupe_corrupt") { database throws in
            let engine = try database.engine()
            let text = try DedupeFixtures.report("report-2-coastal-wire")
            try engine.insert(id: "good", text: text, at: start)
            try PGConnection(uri: database.uri).query("UPDATE dedupe_doc SET sample = '\\x010203'::bytea")
            #expect(throws: DedupeError.corruptEntry(id: "good")) {
                _ = try engine.checked(id: "other", fingerprint: engine.fingerprint(text), at: start)
            }
        }
    }

    /// Workers starting together on an empty database: each migration is applied once, and
    /// every worker finds the tables.
    @Test func migrationsApplyOnceWhenWorkersStartTogether() throws {
        try withPostgresDedupeDatabase(label: "dedupe_migrate", migrated: false) { database throws in
            let workers = 4
            let barrier = ThreadBarrier(parties: workers)
            let applied = AppliedNames()
            onSeparateThreads(workers) { _ in
                barrier.wait()
                do {
                    let connection = try PGConnection(uri: database.uri)
                    applied.add(try PostgresDedupeIndex.migrate(connection))
                } catch {
                    applied.fail("\(error)")
                }
            }
            #expect(applied.failures.isEmpty)
            #expect(applied.names == PostgresDedupeIndex.migrations.map(\.name))
            #expect(try database.integer("SELECT count(*) FROM dedupe_migrations") == PostgresDedupeIndex.migrations.count)
            #expect(try PostgresDedupeIndex.migrate(PGConnection(uri: database.uri)).isEmpty)
            #expect(try database.engine().indexSize == 0)
        }
    }

    /// The pipeline's wiring: each worker opens the state store with the dedupe migrations
    /// and a gate on its pool; a reprint one worker's gate sees of an original another's
    /// recorded is flagged. The index's own runner finds nothing to redo afterwards.
    @Test func gatesOfTwoWorkersShareTheIndex() throws {
        try withPostgresDedupeDatabase(label: "dedupe_gate", migrated: false) { database throws in
            let storeA = try PostgresStateStore(uri: database.uri, worker: "a", additionalMigrations: DedupeGate.postgresMigrations)
            let storeB = try PostgresStateStore(uri: database.uri, worker: "b", additionalMigrations: DedupeGate.postgresMigrations)
            let gateA = try DedupeGate(config: DedupeConfig(), postgres: storeA.pool)
            let gateB = try DedupeGate(config: DedupeConfig(), postgres: storeB.pool)
            let original = try DedupeFixtures.report("report-4-business-daily")
            let print = gateA.fingerprint(original)
            let decision = gateA.check(id: "a-1", fingerprint: print, at: start)
            #expect(decision == .unique)
            gateA.insert(id: "a-1", fingerprint: print, at: start, decision: decision)
            let reprint = gateB.fingerprint(DedupeFixtures.trimmedReprint(original, share: 0.6))
            #expect(gateB.check([(id: "b-1", fingerprint: reprint)], at: start).map(\.duplicateOf) == ["a-1"])
            #expect(gateB.indexSize == 1)
            // Migrated by the state store's runner, then by the index's own: one set of tables.
            #expect(try PostgresDedupeIndex.migrate(PGConnection(uri: database.uri)) == ["dedupe-pg-v1"])
            #expect(gateA.indexSize == 1)
        }
    }
}

/// Migration names applied by the concurrent workers of the test, and their errors.
private final class AppliedNames: @unchecked Sendable {
    // @unchecked: both lists are only touched under `lock`.
    private let lock = NSLock()
    private var applied: [String] = []
    private var errors: [String] = []

    func add(_ names: [String]) {
        lock.lock()
        applied += names
        lock.unlock()
    }

    func fail(_ error: String) {
        lock.lock()
        errors.append(error)
        lock.unlock()
    }

    var names: [String] {
        lock.lock()
        defer { lock.unlock() }
        return applied
    }

    var failures: [String] {
        lock.lock()
        defer { lock.unlock() }
        return errors
    }
}
