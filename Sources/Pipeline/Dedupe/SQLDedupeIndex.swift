package import GRDB

/// The dedupe index in the state database (tables of migration `dedupe-v2`, see
/// ``GRDBDedupeStorage/registerMigrations(_:)``): one row per indexed text in `dedupe_doc`,
/// one row per indexed sampled hash in the posting table `dedupe_sample(hash, doc)` (doc 0
/// marking a hash found to be boilerplate).
///
/// Nothing is loaded into memory: a check is a handful of indexed queries (the 128 lookups
/// in one `IN` list), an insert one short transaction. Engines in several processes on one
/// database share the index live. The SQL is portable (PostgreSQL: `BIGINT` columns, an
/// identity column for `ordinal`, `BYTEA` for the sample; the posting table is a plain
/// primary-key table there, as `WITHOUT ROWID` makes it here).
package final class SQLDedupeIndex: DedupeBackend {
    // Not Sendable: the tail is mutable; the engine calls every method under its lock.
    let writer: any DatabaseWriter
    let parameters: DedupeParameters
    /// The newest texts, whose postings are not written yet.
    let tail: SQLDedupeTail
    /// Posting-table rows read by the last checks, for the inserts that follow them.
    let cache = SQLPostingCache()
    /// Texts deleted per transaction by expiry: the write lock is held for milliseconds, so
    /// a concurrent pass is never held up for long.
    static let expiryChunk = 256
    /// Texts whose postings wait in memory (≈ 0.7 KB each) before a batch is written.
    static let defaultTailCapacity = 8_192
    /// Postings written per transaction by a batch: a few milliseconds of write lock.
    static let postingChunk = 16_384

    package init(writer: any DatabaseWriter, parameters: DedupeParameters, tailCapacity: Int = defaultTailCapacity) {
        precondition(parameters.sampleSize <= 64, "indexed_mask holds 64 bits")
        self.writer = writer
        self.parameters = parameters
        tail = SQLDedupeTail(capacity: tailCapacity)
    }

    /// Reads run on the writer's connection, in a deferred (read-only) transaction: they see
    /// this process's last insert, and share its page cache with the inserts that follow.
    func reading<T>(_ body: (any DedupeIndexSession) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.deferred) {
                try cache.beginRecording(db)
                try tail.refresh(db)
                result = try body(SQLDedupeSession(db: db, parameters: parameters, tail: tail, cache: cache, recording: true))
                return .commit
            }
            return result!
        }
    }

    /// An immediate transaction: it takes the database's write lock first, so a check and
    /// insert is atomic across processes too.
    func writing<T>(_ body: (any DedupeIndexSession) throws -> T) throws -> T {
        try write(body)
    }

    /// ``writing(_:)`` with the SQL session itself.
    func write<T>(_ body: (SQLDedupeSession) throws -> T) throws -> T {
        let result: T
        do {
            result = try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    try tail.refresh(db)
                    result = try body(SQLDedupeSession(db: db, parameters: parameters, tail: tail, cache: cache,
                                                       recording: false))
                    return .commit
                }
                return result!
            }
        } catch {
            // The tail may hold a row that was rolled back: rebuild it from the rows.
            tail.reset(postedThrough: tail.postedThrough)
            cache.tableChanged()
            throw error
        }
        if tail.isFull { try flush() }
        return result
    }

    /// Writes the tail's postings to `dedupe_sample` in hash order, ``postingChunk`` a
    /// transaction, then moves the `posted_through` mark. A kill half-way leaves postings
    /// written twice over nothing: the next batch writes them again (`ON CONFLICT DO
    /// NOTHING`), and a lookup counts a (hash, text) pair once.
    package func flush() throws {
        guard let last = tail.ordinals.max() else { return }
        cache.tableChanged()
        let postings = tail.sortedPostings()
        let ordinals = tail.ordinals
        for start in stride(from: 0, to: postings.count, by: Self.postingChunk) {
            let chunk = postings[start..<min(start + Self.postingChunk, postings.count)]
            try writer.write { db in
                // Rows of 500 postings, and the rest one by one: two statement texts in all.
                let rows = try db.cachedStatement(sql: """
                    INSERT INTO dedupe_sample(hash, doc) VALUES \(Array(repeating: "(?, ?)", count: 500).joined(separator: ", "))
                    ON CONFLICT DO NOTHING
                    """)
                let single = try db.cachedStatement(sql: "INSERT INTO dedupe_sample(hash, doc) VALUES (?, ?) ON CONFLICT DO NOTHING")
                var values: [Int64] = []
                values.reserveCapacity(1_000)
                var index = chunk.startIndex
                while index < chunk.endIndex {
                    let count = min(500, chunk.endIndex - index)
                    values.removeAll(keepingCapacity: true)
                    for entry in chunk[index..<index + count] {
                        values.append(Int64(entry >> 32))
                        values.append(ordinals[Int(UInt32(truncatingIfNeeded: entry) - 1)])
                    }
                    if count == 500 {
                        try rows.execute(arguments: StatementArguments(values))
                    } else {
                        for pair in stride(from: 0, to: values.count, by: 2) {
                            try single.execute(arguments: [values[pair], values[pair + 1]])
                        }
                    }
                    index += count
                }
            }
        }
        let posted = try writer.write { db -> Int64 in
            let current = try SQLDedupeTail.postedThrough(db)
            guard last > current else { return current }
            try db.execute(sql: """
                INSERT INTO dedupe_meta(key, value) VALUES ('posted_through', ?)
                ON CONFLICT(key) DO UPDATE SET value = excluded.value
                """, arguments: [String(last)])
            return last
        }
        tail.reset(postedThrough: posted)
    }

    package func count() throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dedupe_doc WHERE indexed_at > ?",
                             arguments: [SQLDedupeSession.replaced]) ?? 0
        }
    }

    /// The page cache is SQLite's, bounded whatever the index size.
    var memoryBytes: Int { 0 }

    /// Deletes texts indexed before `time` (and replaced ones), oldest first,
    /// ``expiryChunk`` a transaction; returns how many expired. Members of a deleted text's
    /// group become the first of their own, as in memory.
    func removeAll(before time: Int64) throws -> Int {
        cache.tableChanged()
        var expired = 0
        var deleted = 0
        while true {
            let chunk = try writer.write { db in
                try SQLDedupeSession(db: db, parameters: parameters, tail: tail, cache: cache, recording: false)
                    .removeOldest(before: time, limit: Self.expiryChunk)
            }
            expired += chunk.expired
            deleted += chunk.deleted
            if chunk.deleted < Self.expiryChunk {
                // Deleted texts leave the tail too: it is rebuilt from the rows.
                if deleted > 0 { tail.reset(postedThrough: tail.postedThrough) }
                return expired
            }
        }
    }

    /// Moves the rows of an index written by `dedupe-v1` (one row per text, loaded into
    /// memory at start-up) into this one, oldest first, in short transactions.
    func importLegacyEntries() throws {
        while true {
            let moved = try write { session -> Int in
                let db = session.db
                let rows = try Row.fetchAll(db, sql: """
                    SELECT rowid, id, indexed_at, content_hash, shingle_count, sample, root_id
                    FROM dedupe_entry ORDER BY rowid LIMIT 1000
                    """)
                for row in rows {
                    let id: String = row[1]
                    guard let sample = try row.withUnsafeData(atIndex: 5, SQLDedupeSession.decode) else {
                        throw DedupeError.corruptEntry(id: id)
                    }
                    let rootID: String? = row[6]
                    let root = try rootID.flatMap {
                        try Int64.fetchOne(db, sql: "SELECT ordinal FROM dedupe_doc WHERE id = ?", arguments: [$0])
                    }
                    let hash: Int64 = row[3]
                    try session.add(id: id, time: row[2], contentHash: UInt64(bitPattern: hash),
                                    shingleCount: row[4], sample: sample, root: root)
                }
                if let last = rows.last {
                    let rowid: Int64 = last[0]
                    try db.execute(sql: "DELETE FROM dedupe_entry WHERE rowid <= ?", arguments: [rowid])
                }
                return rows.count
            }
            if moved < 1000 { return }
        }
    }

    /// Indexes stored entries in one transaction, by the rules of ``DedupeIndexSession/add``
    /// (for filling large indexes quickly in benchmarks and tests).
    package func add(_ entries: [DedupeEntry]) throws {
        try write { session in
            let db = session.db
            for entry in entries {
                let root = try entry.rootID.flatMap {
                    try Int64.fetchOne(db, sql: "SELECT ordinal FROM dedupe_doc WHERE id = ?", arguments: [$0])
                }
                try session.add(id: entry.id, time: DedupeEngine.seconds(entry.indexedAt), contentHash: entry.contentHash,
                                shingleCount: entry.shingleCount, sample: entry.sample, root: root)
            }
        }
    }
}
