public import Foundation
public import GRDB

/// The default ``StateStore``: one SQLite file through GRDB, WAL mode so readers (status,
/// a concurrent backfill) never block the writer, with a busy timeout for the rare
/// write-write overlap between processes.
public final class SQLiteStateStore: StateStore {
    /// The database, shared with the dedupe index so that both live in one file.
    public let database: DatabasePool
    /// The worker this process is, written on its records (workers sharing one SQLite file
    /// are processes on one machine); nil for tools that only read.
    public let worker: String?
    /// Serialises deciding-and-committing across the processes sharing this file.
    private let commitLock: FileLock

    /// Opens (creating when missing) the database at `path` and migrates it, with the
    /// migrations of components that keep their tables in the same file (the dedupe index).
    public init(path: String, worker: String? = nil,
                additionalMigrations: [@Sendable (inout DatabaseMigrator) -> Void] = []) throws {
        self.worker = worker
        commitLock = try FileLock(path: path + ".commit.lock")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.label = "copydesk.state"
        // Each connection keeps its own page cache, which fills as the database grows (the
        // dedupe postings are read in place): two readers (the writer stage and the status and
        // queue reads; the machine's cores are busy extracting) and 1 MiB caches bound that at
        // 3 MiB, where GRDB's five readers with SQLite's 2 MiB default made the resident size
        // grow with the database. The OS page cache still holds the file. (An 8 MiB cache on
        // the writer, which runs the dedupe index, was measured: no backfill gain once inserts
        // reuse their check's rows, and a 10x-larger end-to-end pass peaked 5-10 MB higher.)
        configuration.maximumReaderCount = 2
        configuration.prepareDatabase { db in
            // WAL + NORMAL is durable across a process kill (the log is in the OS page cache
            // and replayed on open); only a power cut can lose the last transactions.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -1024")
        }
        // Two processes opening a new database at once (a timer run and a backfill) would both
        // see the migrations as pending; a kernel lock makes opening and migrating one at a time.
        let openLock = try FileLock(path: path + ".open.lock")
        database = try openLock.withLock {
            let database = try DatabasePool(path: path, configuration: configuration)
            var migrator = DatabaseMigrator()
            StateMigrations.register(&migrator)
            additionalMigrations.forEach { $0(&migrator) }
            try migrator.migrate(database)
            return database
        }
    }

    public func exclusively<T>(_ body: (_ release: () -> Void) throws -> T) throws -> T {
        try commitLock.lock()
        var held = true
        let release = {
            if held { self.commitLock.unlock() }
            held = false
        }
        defer { release() }
        return try body(release)
    }

    // MARK: Sources

    public func source(named name: String) throws -> SourceRecord? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM sources WHERE name = ?", arguments: [name]).map(Self.sourceRecord)
        }
    }

    public func allSources() throws -> [SourceRecord] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sources ORDER BY name").map(Self.sourceRecord)
        }
    }

    public func saveSource(_ s: SourceRecord) throws {
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO sources (name, url, etag, last_modified, content_hash, schedule_json, next_poll_at,
                    last_poll_at, last_success_at, consecutive_failures, last_error, polls, not_modified)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET url = excluded.url, etag = excluded.etag,
                    last_modified = excluded.last_modified, content_hash = excluded.content_hash,
                    schedule_json = excluded.schedule_json, next_poll_at = excluded.next_poll_at,
                    last_poll_at = excluded.last_poll_at, last_success_at = excluded.last_success_at,
                    consecutive_failures = excluded.consecutive_failures, last_error = excluded.last_error,
                    polls = excluded.polls, not_modified = excluded.not_modified
                """, arguments: [s.name, s.url, s.etag, s.lastModified, s.contentHash, s.scheduleJSON,
                                 s.nextPollAt?.timeIntervalSince1970, s.lastPollAt?.timeIntervalSince1970,
                                 s.lastSuccessAt?.timeIntervalSince1970, s.consecutiveFailures, s.lastError,
                                 s.polls, s.notModified])
        }
    }

    private static func sourceRecord(_ row: Row) -> SourceRecord {
        var s = SourceRecord(name: row["name"], url: row["url"])
        s.etag = row["etag"]
        s.lastModified = row["last_modified"]
        s.contentHash = row["content_hash"]
        s.scheduleJSON = row["schedule_json"]
        s.nextPollAt = date(row["next_poll_at"])
        s.lastPollAt = date(row["last_poll_at"])
        s.lastSuccessAt = date(row["last_success_at"])
        s.consecutiveFailures = row["consecutive_failures"]
        s.lastError = row["last_error"]
        s.polls = row["polls"]
        s.notModified = row["not_modified"]
        return s
    }

    // MARK: Known URLs

    /// Asked once per WARC record by a backfill: one cached statement, and no transaction
    /// around it (a single SELECT reads one consistent snapshot on its own).
    public func knownURL(_ canonicalURL: String) throws -> KnownURL? {
        try database.unsafeReentrantRead { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM urls WHERE canonical_url = ?"),
                             arguments: [canonicalURL]).map(Self.knownURL)
        }
    }

    /// Asked for every few WARC records by a backfill: lists of up to 8 URLs are padded to 8
    /// (an `IN` list means the same with repeats), so that one cached statement serves them.
    public func knownURLs(_ canonicalURLs: [String]) throws -> [String: KnownURL] {
        guard !canonicalURLs.isEmpty else { return [:] }
        if canonicalURLs.count <= 8 {
            let padded = canonicalURLs + Array(repeating: canonicalURLs[0], count: 8 - canonicalURLs.count)
            return try database.unsafeReentrantRead { db in
                let statement = try db.cachedStatement(sql: "SELECT * FROM urls WHERE canonical_url IN (?,?,?,?,?,?,?,?)")
                var found: [String: KnownURL] = [:]
                for row in try Row.fetchAll(statement, arguments: StatementArguments(padded)) {
                    let known = Self.knownURL(row)
                    found[known.canonicalURL] = known
                }
                return found
            }
        }
        // Longer lists (a commit group asks for up to twice its size) are cut into chunks
        // padded to a power of two, so a handful of cached statements serve every length
        // instead of one parsed and planned per call.
        return try database.read { db in
            var found: [String: KnownURL] = [:]
            for start in stride(from: 0, to: canonicalURLs.count, by: Self.knownURLsChunk) {
                let chunk = Array(canonicalURLs[start..<min(start + Self.knownURLsChunk, canonicalURLs.count)])
                let size = Self.paddedCount(chunk.count)
                let padded = chunk + Array(repeating: chunk[0], count: size - chunk.count)
                let marks = Array(repeating: "?", count: size).joined(separator: ",")
                let statement = try db.cachedStatement(sql: "SELECT * FROM urls WHERE canonical_url IN (\(marks))")
                for row in try Row.fetchAll(statement, arguments: StatementArguments(padded)) {
                    let known = Self.knownURL(row)
                    found[known.canonicalURL] = known
                }
            }
            return found
        }
    }

    /// The longest `IN` list ``knownURLs(_:)`` binds: a power of two under SQLite's oldest
    /// bound-parameter limit (999).
    static let knownURLsChunk = 512

    /// `count` (1 ... ``knownURLsChunk``) rounded up to a power of two, at least 8.
    static func paddedCount(_ count: Int) -> Int {
        var size = 8
        while size < count { size *= 2 }
        return size
    }

    public func stillDue(_ canonicalURLs: [String], now: Date) throws -> Set<String> {
        guard !canonicalURLs.isEmpty else { return [] }
        return try database.read { db in
            var due = Set<String>()
            try Self.forEachChunk(of: canonicalURLs) { chunk, marks in
                let sql = "SELECT canonical_url FROM url_queue WHERE next_attempt_at <= ? AND canonical_url IN (\(marks))"
                let arguments = StatementArguments([now.timeIntervalSince1970]) + StatementArguments(chunk)
                for url in try String.fetchAll(db, sql: sql, arguments: arguments) { due.insert(url) }
            }
            return due
        }
    }

    /// Calls `body` with chunks of `values` small enough for SQLite's bound-parameter limit,
    /// each with its `?,?,…` placeholder list for an `IN (…)`.
    private static func forEachChunk(of values: [String], _ body: ([String], String) throws -> Void) throws {
        for start in stride(from: 0, to: values.count, by: 500) {
            let chunk = Array(values[start..<min(start + 500, values.count)])
            try body(chunk, Array(repeating: "?", count: chunk.count).joined(separator: ","))
        }
    }

    public func markUnchanged(_ canonicalURL: String, entryUpdatedAt: Date?, at now: Date) throws {
        try database.write { db in
            try db.execute(sql: """
                UPDATE urls SET last_seen_at = ?, entry_updated_at = COALESCE(?, entry_updated_at) WHERE canonical_url = ?
                """, arguments: [now.timeIntervalSince1970, entryUpdatedAt?.timeIntervalSince1970, canonicalURL])
            try db.execute(sql: "DELETE FROM url_queue WHERE canonical_url = ?", arguments: [canonicalURL])
        }
    }

    static func queuedURL(_ row: Row) -> QueuedURL {
        QueuedURL(canonicalURL: row["canonical_url"], url: row["url"], source: row["source"],
                  entryJSON: row["entry_json"], attempts: row["attempts"],
                  nextAttemptAt: Date(timeIntervalSince1970: row["next_attempt_at"]), lastError: row["last_error"])
    }

    private static func knownURL(_ row: Row) -> KnownURL {
        KnownURL(canonicalURL: row["canonical_url"], id: row["id"], source: row["source"],
                 contentHash: row["content_hash"], revision: row["revision"], lastFile: row["last_file"],
                 entryUpdatedAt: date(row["entry_updated_at"]), signature: row["signature"])
    }

    // MARK: Retry queue

    public func enqueue(_ items: [QueuedURL]) throws {
        guard !items.isEmpty else { return }
        try database.write { db in
            for item in items {
                try db.execute(sql: """
                    INSERT INTO url_queue (canonical_url, url, source, entry_json, attempts, next_attempt_at, last_error,
                        enqueued_at, host)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(canonical_url) DO NOTHING
                    """, arguments: [item.canonicalURL, item.url, item.source, item.entryJSON, item.attempts,
                                     item.nextAttemptAt.timeIntervalSince1970, item.lastError,
                                     item.nextAttemptAt.timeIntervalSince1970, LeaseHost.of(item.url)])
            }
        }
    }

    public func dueQueue(source: String?, now: Date, limit: Int) throws -> [QueuedURL] {
        try database.read { db in
            let rows: [Row]
            // Round-robin over sources (each source's oldest first): a page of the queue then
            // spans every source, so per-host politeness never leaves workers idle on a page
            // that holds only a few hosts.
            let sql = """
                SELECT * FROM (
                    SELECT *, ROW_NUMBER() OVER (PARTITION BY source ORDER BY enqueued_at, canonical_url) AS turn
                    FROM url_queue WHERE next_attempt_at <= ? \(source == nil ? "" : "AND source = ?")
                ) AS due ORDER BY turn, source LIMIT ?
                """
            var arguments: StatementArguments = [now.timeIntervalSince1970]
            if let source { arguments += [source] }
            arguments += [limit]
            rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            return rows.map(Self.queuedURL)
        }
    }

    public func dequeue(_ canonicalURLs: [String]) throws {
        guard !canonicalURLs.isEmpty else { return }
        try database.write { db in
            for url in canonicalURLs {
                try db.execute(sql: "DELETE FROM url_queue WHERE canonical_url = ?", arguments: [url])
            }
        }
    }

    public func deferQueued(_ canonicalURL: String, error: String, nextAttempt: Date) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE url_queue SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE canonical_url = ?",
                           arguments: [error, nextAttempt.timeIntervalSince1970, canonicalURL])
        }
    }

    public func queueCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM url_queue") ?? 0 }
    }

    // MARK: Commit journal

    public func beginCommits(_ records: [PreparedRecord], bodyFiles: [String?], day: String, at now: Date) throws -> [JournalEntry] {
        guard !records.isEmpty else { return [] }
        precondition(bodyFiles.count == records.count, "one body file (or nil) per record")
        return try database.write { db in
            // Every statement here is cached: prepared once per connection, not once per group
            // or per record (parsing and planning the claim check cost as much as running it).
            var next = try Int.fetchOne(db.cachedStatement(sql: "SELECT next_seq FROM day_sequences WHERE day = ?"),
                                        arguments: [day]) ?? 0
            let claimed = try db.cachedStatement(sql: Self.claimedElsewhere)
            // Looked up once per group: the cache is keyed by the statement's text, which is
            // hashed on every lookup.
            let insert = try db.cachedStatement(sql: """
                INSERT INTO pending_records (token, day, seq, file, manifest_line, body, body_file, canonical_url, source,
                    id, content_hash, revision, duplicate_of, entry_updated_at, signature, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var entries: [JournalEntry] = []
            entries.reserveCapacity(records.count)
            for (record, bodyFile) in zip(records, bodyFiles) {
                // Another process sharing the state journalled or committed this URL already.
                if try Bool.fetchOne(claimed, arguments: [record.canonicalURL, record.canonicalURL, record.revision]) == true {
                    continue
                }
                let entry = try JournalEntry.numbered(record, seq: next, bodyFile: bodyFile, token: JournalToken.make(), day: day)
                if record.body != nil { next += 1 }
                let bodyFile = entry.bodyFile
                try insert.execute(arguments: [entry.token, day, entry.seq, entry.file, entry.manifestLine,
                                     bodyFile == nil ? entry.body : nil, bodyFile,
                                     entry.canonicalURL, entry.source, entry.id, entry.contentHash, entry.revision,
                                     entry.duplicateOf, entry.entryUpdatedAt?.timeIntervalSince1970, entry.signature,
                                     now.timeIntervalSince1970])
                entries.append(entry)
            }
            try db.cachedStatement(sql: """
                INSERT INTO day_sequences (day, next_seq) VALUES (?, ?)
                ON CONFLICT(day) DO UPDATE SET next_seq = excluded.next_seq
                """).execute(arguments: [day, next])
            return entries
        }
    }

    /// Whether a URL is journalled, or committed at a revision (the last argument) or later.
    private static let claimedElsewhere = """
        SELECT EXISTS (SELECT 1 FROM pending_records WHERE canonical_url = ?)
            OR EXISTS (SELECT 1 FROM urls WHERE canonical_url = ? AND revision >= ?)
        """

    public func finishCommits(_ entries: [JournalEntry], at now: Date) throws {
        guard !entries.isEmpty else { return }
        try database.write { db in
            let t = now.timeIntervalSince1970
            // The next place in the record log; rows of one group take consecutive places.
            var commitSeq = try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(commit_seq) FROM records")) ?? 0
            // Cached statements: prepared once per connection, not once per record, and looked
            // up once per group (the cache hashes the statement's text on every lookup).
            let insertRecord = try db.cachedStatement(sql: """
                INSERT INTO records (day, seq, id, file, canonical_url, source, revision, duplicate_of, committed_at,
                    commit_seq, manifest_line, worker)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let upsertURL = try db.cachedStatement(sql: """
                INSERT INTO urls (canonical_url, id, source, content_hash, revision, last_file, entry_updated_at,
                    first_seen_at, last_seen_at, signature)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(canonical_url) DO UPDATE SET content_hash = excluded.content_hash,
                    revision = excluded.revision, last_file = COALESCE(excluded.last_file, urls.last_file),
                    entry_updated_at = excluded.entry_updated_at, last_seen_at = excluded.last_seen_at,
                    signature = excluded.signature
                """)
            let dequeue = try db.cachedStatement(sql: "DELETE FROM url_queue WHERE canonical_url = ?")
            let unjournal = try db.cachedStatement(sql: "DELETE FROM pending_records WHERE token = ?")
            for entry in entries {
                commitSeq += 1
                try insertRecord.execute(arguments: [entry.day, entry.seq, entry.id, entry.file, entry.canonicalURL, entry.source,
                                                     entry.revision, entry.duplicateOf, t, commitSeq, entry.manifestLine, worker])
                let file = entry.file.map { "\(entry.day)/\($0)" }
                try upsertURL.execute(arguments: [entry.canonicalURL, entry.id, entry.source, entry.contentHash, entry.revision, file,
                                                  entry.entryUpdatedAt?.timeIntervalSince1970, t, t, entry.signature])
                try dequeue.execute(arguments: [entry.canonicalURL])
                try unjournal.execute(arguments: [entry.token])
            }
        }
    }

    public func pendingCommits() throws -> [JournalEntry] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM pending_records ORDER BY created_at, seq").map { row in
                JournalEntry(token: row["token"], day: row["day"], seq: row["seq"], file: row["file"],
                             manifestLine: row["manifest_line"], body: row["body"], bodyFile: row["body_file"],
                             canonicalURL: row["canonical_url"],
                             source: row["source"], id: row["id"], contentHash: row["content_hash"],
                             revision: row["revision"], duplicateOf: row["duplicate_of"],
                             entryUpdatedAt: Self.date(row["entry_updated_at"]), signature: row["signature"])
            }
        }
    }

    // MARK: Runs

    public func beginRun(kind: String, pid: Int32, at now: Date) throws -> Int64 {
        try database.write { db in
            try db.execute(sql: "INSERT INTO runs (kind, pid, started_at) VALUES (?, ?, ?)",
                           arguments: [kind, pid, now.timeIntervalSince1970])
            return db.lastInsertedRowID
        }
    }

    public func finishRun(id: Int64, outcome: String, summaryJSON: String?, at now: Date) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE runs SET finished_at = ?, outcome = ?, summary_json = ? WHERE id = ?",
                           arguments: [now.timeIntervalSince1970, outcome, summaryJSON, id])
        }
    }

    public func recordsPerDay(days: Int) throws -> [DailyCount] {
        let since = ManifestDates.day(Date().addingTimeInterval(-Double(days - 1) * 86_400))
        return try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT day, source, COUNT(*) AS n FROM records WHERE day >= ?
                GROUP BY day, source ORDER BY day DESC, source
                """, arguments: [since]).map { DailyCount(day: $0["day"], source: $0["source"], records: $0["n"]) }
        }
    }

    public func recentRuns(limit: Int) throws -> [RunRecord] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY id DESC LIMIT ?", arguments: [limit]).map { row in
                RunRecord(id: row["id"], kind: row["kind"], startedAt: Date(timeIntervalSince1970: row["started_at"]),
                          finishedAt: Self.date(row["finished_at"]), outcome: row["outcome"],
                          withoutText: RunSummaryJSON.withoutText(row["summary_json"]))
            }
        }
    }

    // MARK: Backfill

    public func isBackfillItemDone(job: String, item: String) throws -> Bool {
        try database.read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM backfill_done WHERE job = ? AND item = ?", arguments: [job, item]) ?? false
        }
    }

    public func markBackfillItemsDone(job: String, items: [String]) throws {
        guard !items.isEmpty else { return }
        try database.write { db in
            for item in items {
                try db.execute(sql: "INSERT INTO backfill_done (job, item) VALUES (?, ?) ON CONFLICT DO NOTHING", arguments: [job, item])
            }
        }
    }

    public func backfillProgress(job: String) throws -> Int {
        try database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM backfill_done WHERE job = ?", arguments: [job]) ?? 0
        }
    }

    public func checkpoint(job: String) throws -> (position: String, done: Bool)? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT position, done FROM backfill_checkpoints WHERE job = ?", arguments: [job])
                .map { (position: $0["position"], done: ($0["done"] as Int) != 0) }
        }
    }

    public func saveCheckpoint(job: String, position: String, done: Bool, at now: Date) throws {
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO backfill_checkpoints (job, position, done, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(job) DO UPDATE SET position = excluded.position, done = excluded.done, updated_at = excluded.updated_at
                """, arguments: [job, position, done ? 1 : 0, now.timeIntervalSince1970])
        }
    }

    private static func date(_ value: Double?) -> Date? {
        value.map(Date.init(timeIntervalSince1970:))
    }
}

/// `<seq>_<id>.txt`, seq zero-padded to at least three digits.
public enum RecordFileName {
    public static func make(seq: Int, id: String) -> String {
        let digits = String(seq)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits + "_" + id + ".txt"
    }
}
