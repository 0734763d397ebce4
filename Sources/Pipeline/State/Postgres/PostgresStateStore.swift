import Foundation

/// The ``StateStore`` of a cluster of workers: one PostgreSQL database shared by every worker,
/// each store opened with its worker's name. Shared state (sources, known URLs, the queue, the
/// record log, consumers, backfill checkpoints) is the same for all; per-worker rows carry a
/// `worker` column: commit journal entries (``pendingCommits()`` returns only this worker's, so
/// recovery never finishes another live worker's commits), runs and records.
///
/// Day sequence numbers and record-log positions are unique across the cluster: both are
/// taken by an `UPDATE … RETURNING` of a counter row in the committing transaction, whose row
/// lock is held until COMMIT. Two commits therefore take positions in the order they commit,
/// and a reader that has seen position N never later sees a record at N or below appear.
///
/// Every method is one transaction on a pooled connection (libpq's blocking API: the protocol
/// is synchronous), retried on serialization failure or deadlock.
public final class PostgresStateStore: StateStore {
    /// The connections, shared with other cluster code of the same worker (leases).
    public let pool: PGConnectionPool
    /// This worker's name, stored with its journal entries, runs and records.
    public let worker: String

    /// Connects to the database at `uri` (a libpq URI, no password: libpq reads `PGPASSWORD`,
    /// `PGPASSFILE` or `~/.pgpass`) and migrates it, with `additionalMigrations` (of components
    /// that keep their tables in the same database) after the state schema. Throws
    /// ``PostgresStateStoreError/schemaNewerThanWorker(unknownMigrations:)`` when the database
    /// holds a migration this program does not know.
    public init(uri: String, worker: String, maxConnections: Int = 4,
                additionalMigrations: [PostgresMigration] = []) throws {
        pool = PGConnectionPool(uri: uri, maxConnections: maxConnections)
        self.worker = worker
        try pool.withConnection { connection in
            try PostgresMigrator.migrate(connection, PostgresStateMigrations.all + additionalMigrations,
                                         at: Date().timeIntervalSince1970)
        }
    }

    /// Runs `body` in one transaction on a pooled connection.
    @discardableResult
    func transaction<T>(_ body: (PGConnection) throws -> T) throws -> T {
        try pool.transaction(body)
    }

    // MARK: Sources

    public func source(named name: String) throws -> SourceRecord? {
        try transaction { c in
            try c.query("SELECT * FROM sources WHERE name = $1", [name]).rows.first.map(Self.sourceRecord)
        }
    }

    public func allSources() throws -> [SourceRecord] {
        try transaction { c in try c.query("SELECT * FROM sources ORDER BY name").rows.map(Self.sourceRecord) }
    }

    public func saveSource(_ s: SourceRecord) throws {
        try transaction { c in
            try c.query("""
                INSERT INTO sources (name, url, etag, last_modified, content_hash, schedule_json, next_poll_at,
                    last_poll_at, last_success_at, consecutive_failures, last_error, polls, not_modified)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                ON CONFLICT (name) DO UPDATE SET url = excluded.url, etag = excluded.etag,
                    last_modified = excluded.last_modified, content_hash = excluded.content_hash,
                    schedule_json = excluded.schedule_json, next_poll_at = excluded.next_poll_at,
                    last_poll_at = excluded.last_poll_at, last_success_at = excluded.last_success_at,
                    consecutive_failures = excluded.consecutive_failures, last_error = excluded.last_error,
                    polls = excluded.polls, not_modified = excluded.not_modified
                """, [s.name, s.url, s.etag, s.lastModified, s.contentHash, s.scheduleJSON,
                      s.nextPollAt?.timeIntervalSince1970, s.lastPollAt?.timeIntervalSince1970,
                      s.lastSuccessAt?.timeIntervalSince1970, s.consecutiveFailures, s.lastError, s.polls, s.notModified])
        }
    }

    private static func sourceRecord(_ row: PGRow) throws -> SourceRecord {
        var s = SourceRecord(name: try row.decode("name"), url: try row.decode("url"))
        s.etag = try row.decode("etag")
        s.lastModified = try row.decode("last_modified")
        s.contentHash = try row.decode("content_hash")
        s.scheduleJSON = try row.decode("schedule_json")
        s.nextPollAt = try date(row.decode("next_poll_at"))
        s.lastPollAt = try date(row.decode("last_poll_at"))
        s.lastSuccessAt = try date(row.decode("last_success_at"))
        s.consecutiveFailures = try row.decode("consecutive_failures")
        s.lastError = try row.decode("last_error")
        s.polls = try row.decode("polls")
        s.notModified = try row.decode("not_modified")
        return s
    }

    static func date(_ value: Double?) -> Date? {
        value.map(Date.init(timeIntervalSince1970:))
    }
}
