public import GRDB

/// The dedupe index's place in a SQLite database, through GRDB: hand it to
/// ``DedupeEngine/init(configuration:parameters:storage:now:)`` and the engine keeps its
/// index in the database itself (``SQLDedupeIndex``), shared live by every engine on it.
///
/// Works on any `DatabaseWriter` (pool or queue) whose schema was migrated with
/// ``registerMigrations(_:)``; the pipeline passes its state store's.
public struct GRDBDedupeStorage: Sendable {
    /// The database holding the index.
    public let writer: any DatabaseWriter

    /// Uses `writer`; the caller has run the migrations.
    public init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Adds the dedupe tables. Append-only, string-named migrations in portable SQL that
    /// never refer to app types, so that they stay valid whatever the code becomes.
    ///
    /// `dedupe-v1` held one row per text, loaded into memory at start-up; `dedupe-v2` is the
    /// index itself, queried in place. Rows left in `dedupe_entry` are moved into it when an
    /// engine opens the database (the move needs the engine's parameters, so it is not SQL).
    public static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("dedupe-v1") { db in
            try db.execute(sql: """
                CREATE TABLE dedupe_entry (
                    id TEXT NOT NULL PRIMARY KEY,
                    indexed_at INTEGER NOT NULL,
                    content_hash INTEGER NOT NULL,
                    shingle_count INTEGER NOT NULL,
                    sample BLOB NOT NULL,
                    root_id TEXT
                );
                CREATE INDEX dedupe_entry_indexed_at ON dedupe_entry(indexed_at);
                CREATE TABLE dedupe_meta (
                    key TEXT NOT NULL PRIMARY KEY,
                    value TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("dedupe-v2") { db in
            // `ordinal` numbers texts in insertion order (candidates are compared in it);
            // `root` is the ordinal of the group's first text, NULL for a first. A replaced
            // text (its id indexed again) keeps its row, with the smallest `indexed_at`,
            // until the next expiry, as the in-memory index keeps it until it compacts.
            // `indexed_mask`: bit i set when `sample[i]` was indexed (not boilerplate then).
            // The posting table is clustered by hash: a lookup reads one short range. Rows
            // past `dedupe_meta.posted_through` have their postings written later, in batches
            // (see SQLDedupeTail). A posting to text 0 marks a boilerplate hash, so that one
            // lookup finds both.
            // WITHOUT ROWID is SQLite's spelling of a table that is its primary key.
            try db.execute(sql: """
                CREATE TABLE dedupe_doc (
                    ordinal INTEGER PRIMARY KEY,
                    id TEXT NOT NULL,
                    indexed_at INTEGER NOT NULL,
                    content_hash INTEGER NOT NULL,
                    shingle_count INTEGER NOT NULL,
                    indexed_mask INTEGER NOT NULL,
                    sample BLOB NOT NULL,
                    root INTEGER
                );
                CREATE INDEX dedupe_doc_id ON dedupe_doc(id);
                CREATE INDEX dedupe_doc_indexed_at ON dedupe_doc(indexed_at);
                CREATE INDEX dedupe_doc_content_hash ON dedupe_doc(content_hash);
                CREATE INDEX dedupe_doc_root ON dedupe_doc(root);
                CREATE TABLE dedupe_sample (
                    hash INTEGER NOT NULL,
                    doc INTEGER NOT NULL,
                    PRIMARY KEY (hash, doc)
                ) WITHOUT ROWID;
                """)
        }
    }

    /// Opens (creating it when missing) a database file holding only the dedupe index, for
    /// `copydesk dedupe --state`; the pipeline passes its state store's writer instead.
    public static func open(path: String) throws -> GRDBDedupeStorage {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // As the state store: WAL + NORMAL survives a process kill.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        var migrator = DatabaseMigrator()
        registerMigrations(&migrator)
        try migrator.migrate(pool)
        return GRDBDedupeStorage(writer: pool)
    }

    /// Records the parameters signature, or refuses an index written with others.
    public func prepare(signature: String) throws {
        try writer.write { db in
            let stored = try String.fetchOne(db, sql: "SELECT value FROM dedupe_meta WHERE key = 'parameters'")
            if let stored, stored != signature {
                guard try Self.count(db) == 0 else {
                    throw DedupeError.incompatibleIndex(stored: stored, current: signature)
                }
            }
            try db.execute(sql: """
                INSERT INTO dedupe_meta(key, value) VALUES ('parameters', ?)
                ON CONFLICT(key) DO UPDATE SET value = excluded.value
                """, arguments: [signature])
        }
    }

    /// Texts in the index (rows of an older index not yet moved included).
    public func entryCount() throws -> Int {
        try writer.read { db in try Self.count(db) }
    }

    private static func count(_ db: Database) throws -> Int {
        let current = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dedupe_doc WHERE indexed_at > ?",
                                       arguments: [SQLDedupeSession.replaced]) ?? 0
        let legacy = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dedupe_entry") ?? 0
        return current + legacy
    }
}
