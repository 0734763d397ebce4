/// The PostgreSQL state schema: the SQLite schema's tables with server types (BIGINT, DOUBLE
/// PRECISION for Unix times, BYTEA), plus what a cluster of workers needs: a `worker` column on
/// the per-worker rows (journal entries, runs, records) and a one-row counter that hands out
/// record-log positions under a row lock (see ``PostgresStateStore``).
enum PostgresStateMigrations {
    static let all: [PostgresMigration] = [
        PostgresMigration(name: "state-v1", statements: [
            """
            CREATE TABLE sources (
                name TEXT PRIMARY KEY, url TEXT NOT NULL, etag TEXT, last_modified TEXT, content_hash TEXT,
                schedule_json TEXT, next_poll_at DOUBLE PRECISION, last_poll_at DOUBLE PRECISION,
                last_success_at DOUBLE PRECISION, consecutive_failures BIGINT NOT NULL DEFAULT 0, last_error TEXT,
                polls BIGINT NOT NULL DEFAULT 0, not_modified BIGINT NOT NULL DEFAULT 0
            )
            """,
            """
            CREATE TABLE urls (
                canonical_url TEXT PRIMARY KEY, id TEXT NOT NULL, source TEXT NOT NULL, content_hash TEXT,
                revision BIGINT NOT NULL DEFAULT 0, last_file TEXT, entry_updated_at DOUBLE PRECISION,
                first_seen_at DOUBLE PRECISION NOT NULL, last_seen_at DOUBLE PRECISION NOT NULL, signature BYTEA
            )
            """,
            "CREATE INDEX urls_by_id ON urls (id)",
            "CREATE INDEX urls_by_hash ON urls (content_hash)",
            // The record log: commit_seq is the gap-free commit order consumers read.
            """
            CREATE TABLE records (
                commit_seq BIGINT PRIMARY KEY, day TEXT NOT NULL, seq BIGINT, id TEXT NOT NULL, file TEXT,
                canonical_url TEXT NOT NULL, source TEXT NOT NULL, revision BIGINT NOT NULL, duplicate_of TEXT,
                committed_at DOUBLE PRECISION NOT NULL, manifest_line TEXT, worker TEXT NOT NULL
            )
            """,
            // Each worker numbers its own day folders: seqs are gap-free per worker and day.
            "CREATE UNIQUE INDEX records_by_worker_day_seq ON records (worker, day, seq)",
            "CREATE INDEX records_by_source_day ON records (source, day)",
            "CREATE INDEX records_by_id_revision ON records (id, revision)",
            "CREATE INDEX records_by_worker_day ON records (worker, day)",
            // The last record-log position handed out; its row lock orders commits.
            "CREATE TABLE record_log_head (id INT PRIMARY KEY CHECK (id = 1), last_commit_seq BIGINT NOT NULL)",
            "INSERT INTO record_log_head (id, last_commit_seq) VALUES (1, 0)",
            "CREATE TABLE day_sequences (worker TEXT NOT NULL, day TEXT NOT NULL, next_seq BIGINT NOT NULL, PRIMARY KEY (worker, day))",
            """
            CREATE TABLE pending_records (
                token TEXT PRIMARY KEY, worker TEXT NOT NULL, day TEXT NOT NULL, seq BIGINT, file TEXT,
                manifest_line TEXT NOT NULL, body TEXT, body_file TEXT, canonical_url TEXT NOT NULL,
                source TEXT NOT NULL, id TEXT NOT NULL, content_hash TEXT NOT NULL, revision BIGINT NOT NULL,
                duplicate_of TEXT, entry_updated_at DOUBLE PRECISION, signature BYTEA,
                created_at DOUBLE PRECISION NOT NULL
            )
            """,
            "CREATE INDEX pending_records_by_worker ON pending_records (worker, created_at, seq)",
            // One journal entry per URL across the cluster: a second worker's insert waits for
            // the first's transaction and then finds the URL taken (see beginCommits).
            "CREATE UNIQUE INDEX pending_records_one_per_url ON pending_records (canonical_url)",
            """
            CREATE TABLE url_queue (
                canonical_url TEXT PRIMARY KEY, url TEXT NOT NULL, source TEXT NOT NULL, entry_json TEXT,
                attempts BIGINT NOT NULL DEFAULT 0, next_attempt_at DOUBLE PRECISION NOT NULL, last_error TEXT,
                enqueued_at DOUBLE PRECISION NOT NULL, host TEXT NOT NULL DEFAULT ''
            )
            """,
            "CREATE INDEX url_queue_by_source ON url_queue (source, next_attempt_at)",
            "CREATE INDEX url_queue_by_host ON url_queue (host, next_attempt_at)",
            "CREATE INDEX url_queue_by_due ON url_queue (next_attempt_at)",
            """
            CREATE TABLE backfill_checkpoints (
                job TEXT PRIMARY KEY, position TEXT NOT NULL, done BOOLEAN NOT NULL DEFAULT false,
                updated_at DOUBLE PRECISION NOT NULL
            )
            """,
            "CREATE TABLE backfill_done (job TEXT NOT NULL, item TEXT NOT NULL, PRIMARY KEY (job, item))",
            """
            CREATE TABLE runs (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, worker TEXT NOT NULL, kind TEXT NOT NULL,
                pid BIGINT NOT NULL, started_at DOUBLE PRECISION NOT NULL, finished_at DOUBLE PRECISION,
                outcome TEXT, summary_json TEXT
            )
            """,
            "CREATE TABLE consumers (name TEXT PRIMARY KEY, position BIGINT NOT NULL, updated_at DOUBLE PRECISION NOT NULL)",
            // Workers and their leases (see PostgresStateStore+Leases).
            """
            CREATE TABLE workers (
                name TEXT PRIMARY KEY, pid BIGINT NOT NULL, started_at DOUBLE PRECISION NOT NULL,
                last_seen_at DOUBLE PRECISION NOT NULL
            )
            """,
            "CREATE TABLE source_leases (name TEXT PRIMARY KEY, worker TEXT NOT NULL, expires_at DOUBLE PRECISION NOT NULL)",
            """
            CREATE TABLE host_leases (
                host TEXT PRIMARY KEY, worker TEXT, expires_at DOUBLE PRECISION NOT NULL,
                last_request_at DOUBLE PRECISION, delay DOUBLE PRECISION NOT NULL DEFAULT 0
            )
            """,
            "CREATE INDEX host_leases_by_worker ON host_leases (worker)",
            """
            CREATE TABLE backfill_leases (
                job TEXT NOT NULL, item TEXT NOT NULL, worker TEXT NOT NULL, expires_at DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (job, item)
            )
            """,
        ]),
        // As the SQLite state-v5: indexes no query reads, paid on every new URL.
        PostgresMigration(name: "state-v2-drop-unused-url-indexes", statements: [
            "DROP INDEX IF EXISTS urls_by_id",
            "DROP INDEX IF EXISTS urls_by_hash",
        ]),
    ]
}
