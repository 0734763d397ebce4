public import Foundation
public import GRDB

/// ``DedupeStorage`` in the SQLite state store, through GRDB.
///
/// One row per indexed text; the sample is a BLOB of little-endian 32-bit hashes (at most
/// 256 bytes), so a million texts load in one sequential scan. Works on any
/// `DatabaseWriter` (pool or queue) whose schema was migrated with ``registerMigrations(_:)``.
public struct GRDBDedupeStorage: DedupeStorage {
    private let writer: any DatabaseWriter

    /// Uses `writer`; the caller has run the migrations.
    public init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Adds the dedupe tables. Append-only, string-named migrations that never refer to app
    /// types, so that they stay valid whatever the code becomes.
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
    }

    /// Opens (creating it when missing) a database file holding only the dedupe index, for
    /// `copydesk dedupe --state`; the pipeline passes its state store's writer instead.
    public static func open(path: String) throws -> GRDBDedupeStorage {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
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
                let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dedupe_entry") ?? 0
                guard count == 0 else { throw DedupeError.incompatibleIndex(stored: stored, current: signature) }
            }
            try db.execute(sql: "INSERT OR REPLACE INTO dedupe_meta(key, value) VALUES ('parameters', ?)",
                           arguments: [signature])
        }
    }

    /// Writes one entry in its own transaction.
    public func save(_ entry: DedupeEntry) throws {
        try save([entry])
    }

    /// Writes entries in one transaction (`INSERT OR REPLACE` by id).
    public func save(_ entries: [DedupeEntry]) throws {
        guard !entries.isEmpty else { return }
        try writer.write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO dedupe_entry(id, indexed_at, content_hash, shingle_count, sample, root_id)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
            for entry in entries {
                try statement.execute(arguments: [
                    entry.id,
                    Int64(entry.indexedAt.timeIntervalSince1970.rounded(.down)),
                    Int64(bitPattern: entry.contentHash),
                    entry.shingleCount,
                    Self.encode(entry.sample),
                    entry.rootID,
                ])
            }
        }
    }

    /// Rows in `dedupe_entry`.
    public func entryCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dedupe_entry") ?? 0 }
    }

    /// Streams the rows in insertion order (rowid), decoding each sample BLOB.
    public func forEachEntry(_ body: (DedupeEntry) throws -> Void) throws {
        try writer.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, indexed_at, content_hash, shingle_count, sample, root_id FROM dedupe_entry ORDER BY rowid
                """)
            while let row = try rows.next() {
                let id: String = row[0]
                guard let sample = try row.withUnsafeData(atIndex: 4, Self.decode) else {
                    throw DedupeError.corruptEntry(id: id)
                }
                let seconds: Int64 = row[1]
                let hash: Int64 = row[2]
                try body(DedupeEntry(id: id, indexedAt: Date(timeIntervalSince1970: TimeInterval(seconds)),
                                     contentHash: UInt64(bitPattern: hash), shingleCount: row[3],
                                     sample: sample, rootID: row[5]))
            }
        }
    }

    /// Deletes rows indexed before `date` (uses the `indexed_at` index).
    public func deleteEntries(before date: Date) throws -> Int {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        return try writer.write { db in
            try db.execute(sql: "DELETE FROM dedupe_entry WHERE indexed_at < ?", arguments: [seconds])
            return db.changesCount
        }
    }

    static func encode(_ sample: [UInt32]) -> Data {
        var data = Data(capacity: sample.count * 4)
        for value in sample {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    static func decode(_ data: Data?) -> [UInt32]? {
        guard let data, data.count % 4 == 0 else { return nil }
        return data.withUnsafeBytes { raw in
            (0..<raw.count / 4).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)) }
        }
    }
}
