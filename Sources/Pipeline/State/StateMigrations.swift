import GRDB

/// The state schema: append-only, string-named migrations in portable SQL (no SQLite-only
/// types), so that a server database can hold the same tables later. Never edit a shipped
/// migration; add a new one.
enum StateMigrations {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("state-v1") { db in
            // Sources: validators, schedule and health.
            try db.execute(sql: """
                CREATE TABLE sources (
                    name TEXT PRIMARY KEY NOT NULL,
                    url TEXT NOT NULL,
                    etag TEXT,
                    last_modified TEXT,
                    content_hash TEXT,
                    schedule_json TEXT,
                    next_poll_at DOUBLE PRECISION,
                    last_poll_at DOUBLE PRECISION,
                    last_success_at DOUBLE PRECISION,
                    consecutive_failures INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT,
                    polls INTEGER NOT NULL DEFAULT 0,
                    not_modified INTEGER NOT NULL DEFAULT 0
                )
                """)
            // Known URLs: canonical URL → record id, latest content, revision.
            try db.execute(sql: """
                CREATE TABLE urls (
                    canonical_url TEXT PRIMARY KEY NOT NULL,
                    id TEXT NOT NULL,
                    source TEXT NOT NULL,
                    content_hash TEXT,
                    revision INTEGER NOT NULL DEFAULT 0,
                    last_file TEXT,
                    entry_updated_at DOUBLE PRECISION,
                    first_seen_at DOUBLE PRECISION NOT NULL,
                    last_seen_at DOUBLE PRECISION NOT NULL,
                    signature BLOB
                )
                """)
            try db.execute(sql: "CREATE INDEX urls_by_id ON urls(id)")
            try db.execute(sql: "CREATE INDEX urls_by_hash ON urls(content_hash)")
            // Every committed record (manifest line), for status, revisions and audits.
            try db.execute(sql: """
                CREATE TABLE records (
                    day TEXT NOT NULL,
                    seq INTEGER,
                    id TEXT NOT NULL,
                    file TEXT,
                    canonical_url TEXT NOT NULL,
                    source TEXT NOT NULL,
                    revision INTEGER NOT NULL,
                    duplicate_of TEXT,
                    committed_at DOUBLE PRECISION NOT NULL
                )
                """)
            try db.execute(sql: "CREATE UNIQUE INDEX records_by_day_seq ON records(day, seq)")
            try db.execute(sql: "CREATE INDEX records_by_source_day ON records(source, day)")
            // Per-day sequence counters; a seq is handed out only inside a commit journal entry.
            try db.execute(sql: """
                CREATE TABLE day_sequences (
                    day TEXT PRIMARY KEY NOT NULL,
                    next_seq INTEGER NOT NULL
                )
                """)
            // Commit journal: a record whose files may be half-written. Recovery finishes it.
            try db.execute(sql: """
                CREATE TABLE pending_records (
                    token TEXT PRIMARY KEY NOT NULL,
                    day TEXT NOT NULL,
                    seq INTEGER,
                    file TEXT,
                    manifest_line TEXT NOT NULL,
                    body TEXT,
                    canonical_url TEXT NOT NULL,
                    source TEXT NOT NULL,
                    id TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    revision INTEGER NOT NULL,
                    duplicate_of TEXT,
                    entry_updated_at DOUBLE PRECISION,
                    signature BLOB,
                    created_at DOUBLE PRECISION NOT NULL
                )
                """)
            // Article URLs announced by a source but not yet recorded (failed or not reached):
            // kept so that a 304 on the next poll cannot make them disappear.
            try db.execute(sql: """
                CREATE TABLE url_queue (
                    canonical_url TEXT PRIMARY KEY NOT NULL,
                    url TEXT NOT NULL,
                    source TEXT NOT NULL,
                    entry_json TEXT,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at DOUBLE PRECISION NOT NULL,
                    last_error TEXT,
                    enqueued_at DOUBLE PRECISION NOT NULL
                )
                """)
            try db.execute(sql: "CREATE INDEX url_queue_by_source ON url_queue(source, next_attempt_at)")
            // Backfill checkpoints: per job key, the position reached.
            try db.execute(sql: """
                CREATE TABLE backfill_checkpoints (
                    job TEXT PRIMARY KEY NOT NULL,
                    position TEXT NOT NULL,
                    done INTEGER NOT NULL DEFAULT 0,
                    updated_at DOUBLE PRECISION NOT NULL
                )
                """)
            try db.execute(sql: """
                CREATE TABLE backfill_done (
                    job TEXT NOT NULL,
                    item TEXT NOT NULL,
                    PRIMARY KEY (job, item)
                )
                """)
            // Run history.
            try db.execute(sql: """
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    pid INTEGER NOT NULL,
                    started_at DOUBLE PRECISION NOT NULL,
                    finished_at DOUBLE PRECISION,
                    outcome TEXT,
                    summary_json TEXT
                )
                """)
        }
        migrator.registerMigration("state-v2-journal-body-file") { db in
            // Bodies wait in pending files named by the journal instead of in the journal
            // itself, so a body is written once (not also into the database and its log).
            try db.execute(sql: "ALTER TABLE pending_records ADD COLUMN body_file TEXT")
        }
        migrator.registerMigration("state-v3-record-log") { db in
            // The record log consumers read (`copydesk records`): a gap-free commit order and
            // each record's manifest line, so that a reader needs neither the day folders'
            // manifests nor their file order. Rows written before this migration are numbered
            // in their insertion order and keep a NULL line (read back from the day manifest).
            try db.execute(sql: "ALTER TABLE records ADD COLUMN commit_seq INTEGER")
            try db.execute(sql: "ALTER TABLE records ADD COLUMN manifest_line TEXT")
            try db.execute(sql: "UPDATE records SET commit_seq = rowid")
            try db.execute(sql: "CREATE UNIQUE INDEX records_by_commit_seq ON records(commit_seq)")
            // Named consumer cursors: the last commit_seq a consumer has durably received.
            try db.execute(sql: """
                CREATE TABLE consumers (
                    name TEXT PRIMARY KEY NOT NULL,
                    position INTEGER NOT NULL,
                    updated_at DOUBLE PRECISION NOT NULL
                )
                """)
        }
        migrator.registerMigration("state-v4-leases") { db in
            // Workers sharing the state, and who holds which source and which host now.
            try db.execute(sql: """
                CREATE TABLE workers (
                    name TEXT PRIMARY KEY NOT NULL,
                    pid INTEGER NOT NULL,
                    started_at DOUBLE PRECISION NOT NULL,
                    last_seen_at DOUBLE PRECISION NOT NULL
                )
                """)
            try db.execute(sql: """
                CREATE TABLE source_leases (
                    name TEXT PRIMARY KEY NOT NULL,
                    worker TEXT NOT NULL,
                    expires_at DOUBLE PRECISION NOT NULL
                )
                """)
            // A host's row outlives its lease: it remembers the last use, so the next holder
            // keeps the spacing. `worker` is NULL while nobody holds it.
            try db.execute(sql: """
                CREATE TABLE host_leases (
                    host TEXT PRIMARY KEY NOT NULL,
                    worker TEXT,
                    expires_at DOUBLE PRECISION NOT NULL,
                    last_request_at DOUBLE PRECISION,
                    delay DOUBLE PRECISION NOT NULL DEFAULT 0
                )
                """)
            try db.execute(sql: "CREATE INDEX host_leases_by_worker ON host_leases(worker)")
            // Backfill inputs (WARC files) shared by the workers running one job.
            try db.execute(sql: """
                CREATE TABLE backfill_leases (
                    job TEXT NOT NULL,
                    item TEXT NOT NULL,
                    worker TEXT NOT NULL,
                    expires_at DOUBLE PRECISION NOT NULL,
                    PRIMARY KEY (job, item)
                )
                """)
            // Queue entries are claimed by host.
            try db.execute(sql: "ALTER TABLE url_queue ADD COLUMN host TEXT NOT NULL DEFAULT ''")
            let queued = try Row.fetchAll(db, sql: "SELECT canonical_url, url FROM url_queue")
            for row in queued {
                let url: String = row["url"]
                try db.execute(sql: "UPDATE url_queue SET host = ? WHERE canonical_url = ?",
                               arguments: [LeaseHost.of(url), row["canonical_url"] as String])
            }
            try db.execute(sql: "CREATE INDEX url_queue_by_host ON url_queue(host, next_attempt_at)")
            try db.execute(sql: "CREATE INDEX pending_records_by_url ON pending_records(canonical_url)")
            // Which worker wrote a record (NULL for records written before workers were named).
            try db.execute(sql: "ALTER TABLE records ADD COLUMN worker TEXT")
        }
        migrator.registerMigration("state-v5-drop-unused-url-indexes") { db in
            // No query reads `urls` by id or by content hash (exact copies are found in the
            // dedupe index), yet each new URL put a random key into both indexes: a page
            // written to the log per index and record (15 % of a backfill's page writes).
            try db.execute(sql: "DROP INDEX IF EXISTS urls_by_id")
            try db.execute(sql: "DROP INDEX IF EXISTS urls_by_hash")
        }
        migrator.registerMigration("state-v6-records-by-id-revision") { db in
            // `copydesk records --revisions latest` asks, for each record, whether a later
            // revision of its id exists: without this index every record scanned the whole
            // log (8.5 s for 3,500 records, growing with the square of the log).
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS records_by_id_revision ON records(id, revision)")
        }
    }
}
