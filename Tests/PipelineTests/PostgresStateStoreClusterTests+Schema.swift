import Foundation
@testable import Pipeline
import PostgresTestSupport
import Testing

/// Per-worker journals, schema migrations and backend selection.
extension PostgresStateStoreClusterTests {
    @Test func pendingCommitsArePerWorker() throws {
        let fixture = try StoreFixture(.postgres)
        defer { fixture.remove() }
        let alpha = try fixture.worker("alpha"), beta = try fixture.worker("beta")
        let fromAlpha = try alpha.beginCommits([StoreSamples.record("a1"), StoreSamples.record("a2")], day: "2026-11-20", at: StoreSamples.now)
        let fromBeta = try beta.beginCommit(StoreSamples.record("b1"), day: "2026-11-20", at: StoreSamples.now)
        #expect(Set(try alpha.pendingCommits().map(\.token)) == Set(fromAlpha.map(\.token)))
        #expect(try beta.pendingCommits().map(\.token) == [fromBeta.token])
        // Each worker numbers its own day folder, gap-free.
        #expect(fromAlpha.compactMap(\.seq) == [0, 1])
        #expect(fromBeta.seq == 0)
        try beta.finishCommit(fromBeta, at: StoreSamples.now)
        #expect(try beta.pendingCommits().isEmpty)
        #expect(try alpha.pendingCommits().count == 2)
    }

    @Test func aSchemaNewerThanTheWorkerIsRefused() throws {
        let fixture = try StoreFixture(.postgres)
        defer { fixture.remove() }
        _ = try fixture.worker("new").pool.withConnection { c in
            try c.query("INSERT INTO schema_migrations (name, applied_at) VALUES ('state-v99-from-the-future', 0)")
        }
        let error = #expect(throws: PostgresStateStoreError.self) { try fixture.worker("old") }
        #expect(error == .schemaNewerThanWorker(unknownMigrations: ["state-v99-from-the-future"]))
        #expect(error?.description.contains("upgrade this worker") == true)
    }

    @Test func workersOpeningAtOnceMigrateOnce() throws {
        let uri = try PostgresTestCluster.shared().createDatabase(label: "migrate")
        defer { try? PostgresTestCluster.shared().dropDatabase(uri: uri) }
        // Hold the migration lock so that both openers are provably waiting for it at once.
        let holder = try PGConnection(uri: uri)
        try holder.query("SELECT pg_advisory_lock($1)", [PostgresMigrator.lockKey])
        let failures = LockedMessages()
        let openers = DispatchGroup()
        for name in ["alpha", "beta"] {
            DispatchQueue.global().async(group: openers) {
                do { _ = try PostgresStateStore(uri: uri, worker: name) } catch { failures.add("\(name): \(error)") }
            }
        }
        var waiting = 0
        for _ in 0..<2_000 where waiting < 2 {
            waiting = try holder.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").scalar(Int.self) ?? 0
            if waiting < 2 { usleep(5_000) }
        }
        #expect(waiting == 2)
        try holder.query("SELECT pg_advisory_unlock($1)", [PostgresMigrator.lockKey])
        openers.wait()
        #expect(failures.messages.isEmpty, "\(failures.messages)")
        let applied = try holder.query("SELECT name, count(*) FROM schema_migrations GROUP BY name ORDER BY name").rows
            .map { "\(try $0.decode(0, as: String.self))×\(try $0.decode(1, as: Int.self))" }
        #expect(applied == PostgresStateMigrations.all.map { "\($0.name)×1" })
    }

    @Test func urlIndexesThatNoQueryReadsAreDropped() throws {
        let fixture = try StoreFixture(.postgres)
        defer { fixture.remove() }
        let indexes = try fixture.worker("w2").pool.withConnection { c in
            try c.query("SELECT indexname FROM pg_indexes WHERE tablename = 'urls' ORDER BY indexname").rows
                .map { try $0.decode(0, as: String.self) }
        }
        #expect(indexes == ["urls_pkey"])
    }

    @Test func additionalMigrationsRunAfterTheStateSchema() throws {
        let fixture = try StoreFixture(.postgres)
        defer { fixture.remove() }
        let extra = PostgresMigration(name: "dedupe-v1", statements: ["CREATE TABLE dedupe_postings (band BIGINT NOT NULL)"])
        let store = try PostgresStateStore(uri: fixture.uri, worker: "w1", additionalMigrations: [extra])
        #expect(try store.pool.withConnection { try $0.query("SELECT count(*) FROM dedupe_postings").scalar(Int.self) } == 0)
        // Opened again without it, the database is newer than that program.
        #expect(throws: PostgresStateStoreError.schemaNewerThanWorker(unknownMigrations: ["dedupe-v1"])) {
            try PostgresStateStore(uri: fixture.uri, worker: "w2")
        }
    }

    @Test func configurationChoosesTheBackend() throws {
        let fixture = try StoreFixture(.postgres)
        defer { fixture.remove() }
        var config = PipelineConfig(state: StateConfig(url: fixture.uri), worker: WorkerConfig(name: "host-7"))
        let postgres = try #require(try openStateStore(config: config) as? PostgresStateStore)
        #expect(postgres.worker == "host-7")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-open-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        config.state = StateConfig(path: folder.appendingPathComponent("state.sqlite").path)
        #expect(try openStateStore(config: config) is SQLiteStateStore)
    }
}
