import Foundation

/// The tables of ``PostgresDedupeIndex``, in PostgreSQL types, and a runner that creates them.
///
/// Append-only, string-named migrations in plain SQL that never refer to app types (as the
/// SQLite ones, ``GRDBDedupeStorage/registerMigrations(_:)``). The pipeline passes them to the
/// state store's runner (``DedupeGate/postgresMigrations``, recorded in `schema_migrations`);
/// ``migrate(pool:)`` applies them on their own (a database holding only the index, tests),
/// recorded in `dedupe_migrations`. Their statements are idempotent (`IF NOT EXISTS`), so a
/// database migrated both ways holds the tables once.
extension PostgresDedupeIndex {
    /// `dedupe-pg-v1` is SQLite's `dedupe-v2` in PostgreSQL types: `ordinal` an identity
    /// (numbers texts in insertion order, from 1: ordinal 0 is the boilerplate marker of the
    /// posting table), `BYTEA` samples (little-endian 32-bit hashes, as in SQLite), and the
    /// posting table a plain table with its primary key `(hash, doc)`: a lookup reads one
    /// range of that index per hash. Every posting is written by the insert that indexes its
    /// text: no tail, no `posted_through` mark.
    static let migrations: [PostgresMigration] = [
        PostgresMigration(name: "dedupe-pg-v1", statements: [
            "CREATE TABLE IF NOT EXISTS dedupe_meta (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL)",
            """
            CREATE TABLE IF NOT EXISTS dedupe_doc (
                ordinal BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id TEXT NOT NULL,
                indexed_at BIGINT NOT NULL,
                content_hash BIGINT NOT NULL,
                shingle_count INTEGER NOT NULL,
                indexed_mask BIGINT NOT NULL,
                sample BYTEA NOT NULL,
                root BIGINT
            )
            """,
            "CREATE INDEX IF NOT EXISTS dedupe_doc_id ON dedupe_doc (id)",
            "CREATE INDEX IF NOT EXISTS dedupe_doc_indexed_at ON dedupe_doc (indexed_at)",
            "CREATE INDEX IF NOT EXISTS dedupe_doc_content_hash ON dedupe_doc (content_hash)",
            "CREATE INDEX IF NOT EXISTS dedupe_doc_root ON dedupe_doc (root)",
            """
            CREATE TABLE IF NOT EXISTS dedupe_sample (
                hash BIGINT NOT NULL,
                doc BIGINT NOT NULL,
                PRIMARY KEY (hash, doc)
            )
            """,
        ]),
    ]

    /// Applies the migrations not applied yet, in one transaction of a connection of `pool`.
    package static func migrate(pool: PGConnectionPool) throws {
        try pool.withConnection { try migrate($0) }
    }

    /// Applies the migrations not recorded in `dedupe_migrations` yet, in one transaction
    /// (joining the caller's when one is open); returns the names applied. It holds the state
    /// store's migration lock (``PostgresMigrator/lockKey``): workers starting at once apply
    /// each migration once, one after the other, and never beside the state store's runner
    /// (`CREATE TABLE IF NOT EXISTS` alone races).
    @discardableResult
    static func migrate(_ connection: PGConnection) throws -> [String] {
        try connection.transaction { connection in
            try connection.query("SELECT pg_advisory_xact_lock($1)", [PostgresMigrator.lockKey])
            // Looked for first: `IF NOT EXISTS` alone would print a notice at every start.
            let exists = try connection.query("SELECT to_regclass('dedupe_migrations') IS NOT NULL").scalar(Bool.self)
            if exists != true {
                try connection.query("""
                    CREATE TABLE dedupe_migrations (
                        name TEXT NOT NULL PRIMARY KEY,
                        applied_at DOUBLE PRECISION NOT NULL
                    )
                    """)
            }
            let result = try connection.query("SELECT name FROM dedupe_migrations")
            let applied = Set((0..<result.count).compactMap { result.text(row: $0, column: 0) })
            var names: [String] = []
            for migration in migrations where !applied.contains(migration.name) {
                for statement in migration.statements { try connection.query(statement) }
                try connection.query("INSERT INTO dedupe_migrations (name, applied_at) VALUES ($1, $2)",
                                     [migration.name, Date().timeIntervalSince1970])
                names.append(migration.name)
            }
            return names
        }
    }
}
