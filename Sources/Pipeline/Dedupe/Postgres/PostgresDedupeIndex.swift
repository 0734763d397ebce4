/// The dedupe index in PostgreSQL, queried in place, for workers on several machines that
/// share one state database (issue #16): the tables of SQLite's ``SQLDedupeIndex`` in
/// PostgreSQL types (see ``migrations``), the same decisions (one verification,
/// ``DedupeQuery``), and nothing held in the process.
///
/// SQLite's index keeps the postings of its newest texts in an in-process tail and reuses the
/// rows a check read for the insert after it: both rest on every writer sharing one file and
/// its commit counter. Across machines a worker could not see another's tail, so here every
/// insert writes its postings in its own transaction, and every check reads the tables: a text
/// committed by one worker is found by every other's next check.
///
/// A change of the index (``writing(_:)``) takes the transaction-level advisory lock
/// ``writeLockKey`` before its first read: two workers' check-and-insert never interleave, so
/// two copies of one story make one original and one duplicate. Reads take no lock.
package final class PostgresDedupeIndex: DedupeBackend {
    let pool: PGConnectionPool
    let parameters: DedupeParameters

    /// The advisory lock serializing changes of the index among every worker of the database.
    static let writeLockKey: Int64 = 0x636F_7079_6465_6475 // "copydedu"
    /// Texts deleted per transaction by expiry: the write lock is held for milliseconds, so
    /// a concurrent check-and-insert is never held up for long.
    static let expiryChunk = 256

    package init(pool: PGConnectionPool, parameters: DedupeParameters) {
        precondition(parameters.sampleSize <= 64, "indexed_mask holds 64 bits")
        self.pool = pool
        self.parameters = parameters
    }

    /// A repeatable-read transaction: the texts of a commit group are checked on one snapshot,
    /// as SQLite's read transaction does.
    func reading<T>(_ body: (any DedupeIndexSession) throws -> T) throws -> T {
        try pool.transaction(isolation: .repeatableRead) { connection in
            try body(PostgresDedupeSession(connection: connection, parameters: parameters))
        }
    }

    /// A read-committed transaction that waits for ``writeLockKey`` first. Each statement
    /// after the lock reads a fresh snapshot, which holds every change committed by the
    /// worker that held the lock before (the lock is released after its commit is visible).
    func writing<T>(_ body: (any DedupeIndexSession) throws -> T) throws -> T {
        try pool.transaction { connection in
            try connection.query("SELECT pg_advisory_xact_lock($1)", [Self.writeLockKey])
            return try body(PostgresDedupeSession(connection: connection, parameters: parameters))
        }
    }

    func count() throws -> Int {
        try pool.withConnection { connection in
            try connection.query("SELECT count(*) FROM dedupe_doc WHERE indexed_at > $1",
                                 [PostgresDedupeSession.replaced]).scalar(Int.self) ?? 0
        }
    }

    /// The index is the database's: nothing per text in the process.
    var memoryBytes: Int { 0 }

    /// Deletes texts indexed before `time` (and replaced ones), oldest first,
    /// ``expiryChunk`` a transaction under the write lock; returns how many expired.
    func removeAll(before time: Int64) throws -> Int {
        var expired = 0
        while true {
            let chunk = try pool.transaction { connection in
                try connection.query("SELECT pg_advisory_xact_lock($1)", [Self.writeLockKey])
                return try PostgresDedupeSession(connection: connection, parameters: parameters)
                    .removeOldest(before: time, limit: Self.expiryChunk)
            }
            expired += chunk.expired
            if chunk.deleted < Self.expiryChunk { return expired }
        }
    }

    /// Records the parameters signature, or refuses an index written with others (as
    /// ``GRDBDedupeStorage/prepare(signature:)``).
    func prepare(signature: String) throws {
        try pool.transaction { connection in
            try connection.query("SELECT pg_advisory_xact_lock($1)", [Self.writeLockKey])
            let stored = try connection.query("SELECT value FROM dedupe_meta WHERE key = 'parameters'")
                .scalar(String.self)
            if let stored, stored != signature {
                let texts = try connection.query("SELECT count(*) FROM dedupe_doc").scalar(Int.self) ?? 0
                guard texts == 0 else { throw DedupeError.incompatibleIndex(stored: stored, current: signature) }
            }
            try connection.query("""
                INSERT INTO dedupe_meta (key, value) VALUES ('parameters', $1)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, [signature])
        }
    }
}
